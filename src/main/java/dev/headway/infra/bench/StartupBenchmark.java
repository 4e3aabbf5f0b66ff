package dev.headway.infra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up: time from process start to the last resource registered, for the shaded jar in the JVM
 * {@code java} started (what {@code Pulumi.yaml}'s {@code binary} option gets: the engine role never
 * relaunches), the same jar as the CLI runs it (moving to its tuned JVM), and Maven exec (Pulumi's
 * default for Java). Alternating runs, medians; counted from the moment this benchmark starts the
 * process to the moment the program (with HEADWAY_TIMING set) says it registered the last resource.
 *
 * <pre>java -cp target/headway-infra.jar dev.headway.infra.bench.StartupBenchmark [rounds]</pre>
 */
public final class StartupBenchmark {
    private static final Pattern TIMING = Pattern.compile("registered at (\\d+) \\(epoch ms\\)");

    /** What Pulumi.yaml's binary option gets: the program stays in the JVM java started. */
    private static final String ENGINE_ROLE = "java -jar, JVM as started (Pulumi.yaml binary)";

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put(ENGINE_ROLE, List.of("env", "HEADWAY_TUNED_JVM=0", "java", "-jar", "target/headway-infra.jar", "synth", "dev", "--format", "json"));
        cases.put("java -jar, CLI (moves to its tuned JVM)", List.of("java", "-jar", "target/headway-infra.jar", "synth", "dev", "--format", "json"));
        cases.put("mvn compile exec:java (Pulumi default)", List.of("mvn", "-B", "-q", "-o", "compile", "exec:java",
                "-Dexec.args=synth dev --format json"));
        Map<String, List<Long>> samples = new LinkedHashMap<>();
        cases.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        for (int i = 0; i < rounds; i++) {
            for (Map.Entry<String, List<String>> c : cases.entrySet()) {
                samples.get(c.getKey()).add(run(c.getValue()));
            }
        }
        System.out.printf("start-up to last resource registered (synth dev), %d alternating rounds, medians%n%n", rounds);
        double jar = median(samples.get(ENGINE_ROLE));
        for (String k : cases.keySet()) {
            double m = median(samples.get(k));
            System.out.printf("%-48s %7.0f ms  %5.2fx%n", k, m, m / jar);
        }
    }

    private static long run(List<String> cmd) throws IOException, InterruptedException {
        Path err = Files.createTempFile("startup", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        pb.environment().put("HEADWAY_TIMING", "1");
        long spawned = System.currentTimeMillis();
        int code = pb.start().waitFor();
        String text = Files.readString(err, StandardCharsets.UTF_8);
        Matcher m = TIMING.matcher(text);
        if (code != 0 || !m.find()) {
            throw new IllegalStateException(String.join(" ", cmd) + " gave no timing (exit " + code + "): " + text);
        }
        return Long.parseLong(m.group(1)) - spawned;
    }

    private static double median(List<Long> xs) {
        long[] s = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
    }
}
