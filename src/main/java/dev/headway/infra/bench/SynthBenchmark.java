package dev.headway.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.headway.infra.launcher.TunedJvm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synth performance, measured in one run on one machine so the figures compare: each case is a
 * fresh process ({@code java [jvm flags] -jar target/headway-infra.jar synth ...}, as users run it,
 * so the CLI's move to its tuned JVM is counted), the cases alternate round by round (so machine
 * noise falls on all alike), and medians are reported. The floor is a one-resource program under the
 * same engine from the same jar. Ratios compare like with like: synth and the floor on the same JVM, once on a
 * plain JVM ({@code java} with no options; synth kept there with {@code HEADWAY_TUNED_JVM=0}) and once on the
 * CLI's tuned JVM (both started on it directly, with {@link TunedJvm#jvmOptions}). {@code java -jar} as users run
 * it (a plain JVM that moves to the tuned one) is also measured against the tuned floor: that ratio includes the
 * move, about 0.1 s. With {@code -- jvm flags}, every case runs on those flags and there is one ratio.
 *
 * <pre>
 * java -cp target/headway-infra.jar dev.headway.infra.bench.SynthBenchmark [rounds] [--jar F] [-- jvm flags...]
 * </pre>
 *
 * {@code --jar} measures another build of the jar (e.g. a copy of the previous one, for a before/after
 * table from one session). Peak RSS and CPU time (user + system, all threads: a figure that machine
 * load disturbs less than wall time) come from GNU time ({@code /usr/bin/time}, Debian package "time").
 */
public final class SynthBenchmark {
    private record Sample(double seconds, long peakKib, double cpuSeconds) {
    }

    private static final String FLOOR = "floor, plain JVM";
    private static final String FLOOR_TUNED = "floor, tuned JVM";
    private static final String DEV = "synth dev, java -jar";
    private static final String DEV_PLAIN = "synth dev, plain JVM";
    private static final String DEV_TUNED = "synth dev, tuned JVM";

    private SynthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 7;
        Path jar = Path.of("target/headway-infra.jar");
        List<String> jvmFlags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                jvmFlags.addAll(List.of(args).subList(i + 1, args.length));
                break;
            } else if (args[i].equals("--jar") && i + 1 < args.length) {
                jar = Path.of(args[++i]);
            } else {
                rounds = Integer.parseInt(args[i]);
            }
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the jar first: mvn -B -q package -DskipTests");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            throw new IllegalStateException("needs GNU time for peak RSS: apt-get install time");
        }
        Path tmp = Files.createTempDirectory("headway-bench");
        boolean asUsersRunIt = jvmFlags.isEmpty();
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put(FLOOR, java(jvmFlags, "-cp", jar.toString(), FloorProgram.class.getName()));
        List<String> tuned = new ArrayList<>(TunedJvm.jvmOptions(jar.toAbsolutePath()));
        if (asUsersRunIt) {
            cases.put(FLOOR_TUNED, java(tuned, "-cp", jar.toAbsolutePath().toString(), FloorProgram.class.getName()));
        }
        cases.put(DEV, java(jvmFlags, "-jar", jar.toString(), "synth", "dev", "--format", "json"));
        if (asUsersRunIt) {
            cases.put(DEV_PLAIN, withEnv("HEADWAY_TUNED_JVM=0",
                    java(jvmFlags, "-jar", jar.toString(), "synth", "dev", "--format", "json")));
            // exactly the command the CLI moves to (TunedJvm.command): the same JVM as the tuned floor
            List<String> onTuned = new ArrayList<>(tuned);
            onTuned.add("-Dheadway.jvm=tuned"); // TunedJvm.MARKER: this JVM is the tuned one, the CLI stays
            cases.put(DEV_TUNED, java(onTuned, "-cp", jar.toAbsolutePath().toString(), "dev.headway.infra.Main",
                    "synth", "dev", "--format", "json"));
        }
        cases.put("synth prod", java(jvmFlags, "-jar", jar.toString(), "synth", "prod", "--format", "json"));
        for (int n : new int[]{1, 5, 20}) {
            Path config = endpointsConfig(tmp, n);
            cases.put("dev, " + n + " endpoints", java(jvmFlags, "-jar", jar.toString(), "synth", "dev", "--format", "json",
                    "--config-file", config.toString()));
        }
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        cases.keySet().forEach(k -> samples.put(k, new ArrayList<>()));
        for (String k : cases.keySet()) {
            measure(cases.get(k), tmp); // warm the page cache once, not counted
        }
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, List<String>> c : cases.entrySet()) {
                samples.get(c.getKey()).add(measure(c.getValue(), tmp));
            }
        }
        double floor = median(samples.get(FLOOR));
        double floorTuned = asUsersRunIt ? median(samples.get(FLOOR_TUNED)) : floor;
        System.out.printf("synth benchmark: %s; %d alternating rounds, medians; jvm flags: %s; %d cores%n%n",
                jar, rounds, asUsersRunIt ? "(none: java -jar as users run it)" : String.join(" ", jvmFlags),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-30s %9s %9s %14s %9s%n", "case", "seconds", "x floor", "peak RSS MiB", "cpu s");
        for (String k : cases.keySet()) {
            double s = median(samples.get(k));
            long rss = samples.get(k).stream().mapToLong(Sample::peakKib).max().orElse(0);
            double cpu = median(samples.get(k).stream().map(x -> new Sample(x.cpuSeconds(), 0, 0)).toList());
            // each case against the floor on its own JVM: the plain floor, or the tuned one for what runs tuned
            double own = k.equals(FLOOR) || k.equals(DEV_PLAIN) ? floor : floorTuned;
            System.out.printf("%-30s %9.3f %9.2f %14.1f %9.2f%n", k, s, s / own, rss / 1024.0, cpu);
        }
        double growth = median(samples.get("dev, 20 endpoints")) / median(samples.get("dev, 1 endpoints"));
        System.out.printf("%n(x floor: against the floor on the same JVM; the plain floor for the plain cases, the tuned one otherwise)%n");
        System.out.printf("endpoints 1 -> 20: synth time grows %.2fx (target <= 1.30x)%n", growth);
        if (asUsersRunIt) {
            System.out.printf("like for like, plain JVM: synth dev / floor = %.2fx%n", median(samples.get(DEV_PLAIN)) / floor);
            System.out.printf("like for like, tuned JVM: synth dev / floor = %.2fx%n", median(samples.get(DEV_TUNED)) / floorTuned);
            System.out.printf("java -jar as users run it (plain JVM, then the tuned one) / tuned floor = %.2fx%n",
                    median(samples.get(DEV)) / floorTuned);
        } else {
            System.out.printf("like for like, on the given flags: synth dev / floor = %.2fx%n", median(samples.get(DEV)) / floor);
        }
    }

    private static List<String> withEnv(String assignment, List<String> timedJava) {
        List<String> cmd = new ArrayList<>(timedJava);
        cmd.addAll(cmd.indexOf("java"), List.of("env", assignment));
        return cmd;
    }

    private static List<String> java(List<String> jvmFlags, String... rest) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M %U %S", "java"));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of(rest));
        return cmd;
    }

    private static Sample measure(List<String> cmd, Path tmp) throws IOException, InterruptedException {
        Path err = tmp.resolve("err.txt");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        int code = p.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        if (code != 0 || lines.isEmpty()) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + String.join("\n", lines));
        }
        String[] last = lines.get(lines.size() - 1).trim().split(" ");
        return new Sample(seconds, Long.parseLong(last[1]), Double.parseDouble(last[2]) + Double.parseDouble(last[3]));
    }

    private static double median(List<Sample> samples) {
        double[] s = samples.stream().mapToDouble(Sample::seconds).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Pulumi.dev.yaml with {@code n} endpoints in headway:serving. */
    static Path endpointsConfig(Path dir, int n) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode doc = (ObjectNode) yaml.readTree(Path.of("Pulumi.dev.yaml").toFile());
        ObjectNode config = (ObjectNode) doc.get("config");
        ObjectNode serving = config.has("headway:serving") ? (ObjectNode) config.get("headway:serving") : config.putObject("headway:serving");
        ArrayNode endpoints = serving.putArray("endpoints");
        for (int i = 0; i < n; i++) {
            endpoints.addObject().put("name", "bench-model-" + i).put("samplingRate", 0.1);
        }
        Path file = dir.resolve("Pulumi.dev-" + n + "-endpoints.yaml");
        yaml.writeValue(file.toFile(), doc);
        return file;
    }
}
