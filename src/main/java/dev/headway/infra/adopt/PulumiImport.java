package dev.headway.infra.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.UserError;
import dev.headway.infra.hooks.engine.StackEngine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code --apply}: the import through the Pulumi CLI (the Java Automation API has no import), then a preview
 * that must change nothing on what was imported. Each command is bounded by {@code timeout}.
 * <ul>
 * <li>{@code pulumi import --file F --yes --generate-code=false --stack S --non-interactive} (flags of
 * {@code pulumi import}, and {@code --non-interactive} inherited from {@code pulumi}: pulumi/docs
 * {@code content/docs/cli/commands/pulumi_import.md}; {@code --generate-code} in {@code operations/import.go}): the program
 * already declares these resources, so no code is generated; resources are protected (the CLI's default)
 * until the program's own {@code protect} applies on the next {@code up}.</li>
 * <li>{@code pulumi preview --expect-no-changes --json --stack S --non-interactive}: stdout is the preview
 * digest (pulumi/pulumi {@code pkg/display/json.go}: {@code steps[]} with {@code op}, {@code urn},
 * {@code diffReasons}, {@code replaceReasons}, {@code detailedDiff}); its exit code is non-zero when anything
 * would change, including the creates the import left for {@code up}, so the steps are read instead.</li>
 * </ul>
 */
public final class PulumiImport {
    /** One imported resource the preview would still change: its URN, the operation and the inputs that differ. */
    public record Change(String urn, String op, List<String> inputs) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> UNCHANGED = Set.of("same", "read", "refresh");

    private final String stack;
    private final Path workDir;
    private final Map<String, String> env;
    private final Duration timeout;
    private final Consumer<String> log;

    public PulumiImport(String stack, Path workDir, Map<String, String> env, Duration timeout, Consumer<String> log) {
        this.stack = stack;
        this.workDir = workDir;
        this.env = env;
        this.timeout = timeout;
        this.log = log;
    }

    /** Imports, previews; returns the imported resources the preview would still change (empty: nothing). */
    public List<Change> apply(Path importFile, Set<String> importedUrns) {
        Path pulumi = StackEngine.requirePulumi(env);
        Result imported = run(pulumi, List.of("import", "--file", importFile.toAbsolutePath().toString(), "--yes",
                "--generate-code=false", "--stack", stack, "--non-interactive"));
        if (imported.exit() != 0) {
            throw new UserError(1, "pulumi import failed (exit " + imported.exit() + "): " + lastLine(imported.err()));
        }
        Result preview = run(pulumi, List.of("preview", "--expect-no-changes", "--json", "--stack", stack, "--non-interactive"));
        return changes(preview, importedUrns);
    }

    static List<Change> changes(Result preview, Set<String> importedUrns) {
        JsonNode digest;
        try {
            digest = JSON.readTree(preview.out());
        } catch (IOException e) {
            digest = null;
        }
        if (digest == null || !digest.isObject()) {
            throw new UserError(1, "pulumi preview failed (exit " + preview.exit() + "): " + lastLine(preview.err()));
        }
        List<Change> out = new ArrayList<>();
        for (JsonNode step : digest.path("steps")) {
            String urn = step.path("urn").asText();
            String op = step.path("op").asText();
            if (!importedUrns.contains(urn) || UNCHANGED.contains(op)) {
                continue;
            }
            Set<String> inputs = new TreeSet<>();
            step.path("diffReasons").forEach(k -> inputs.add(k.asText()));
            step.path("replaceReasons").forEach(k -> inputs.add(k.asText()));
            step.path("detailedDiff").fieldNames().forEachRemaining(inputs::add);
            out.add(new Change(urn, op, List.copyOf(inputs)));
        }
        return out;
    }

    record Result(int exit, String out, String err) {
    }

    private Result run(Path pulumi, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(pulumi.toString());
        cmd.addAll(args);
        log.accept("$ pulumi " + String.join(" ", args));
        try {
            Path out = Files.createTempFile("pulumi-out", ".txt");
            Path err = Files.createTempFile("pulumi-err", ".txt");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                throw new UserError(UserError.ENVIRONMENT, "pulumi " + args.get(0) + " did not finish within " + timeout.toSeconds()
                        + " s (--apply-timeout); stopped it");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, "pulumi " + args.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(UserError.ENVIRONMENT, "pulumi " + args.get(0) + ": interrupted");
        }
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1).trim();
    }
}
