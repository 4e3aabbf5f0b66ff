package dev.headway.infra.testing;

import dev.headway.infra.launcher.EngineStandIn;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.DumperOptions;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Starts a program exactly as pulumi-language-java's {@code Run} starts a {@code binary} jar
 * (pulumi/pulumi-java {@code pkg/cmd/pulumi-language-java/main.go}, {@code Run} and
 * {@code constructEnv}; {@code pkg/internal/executors/executor_jar.go}):
 * <ul>
 * <li>command: {@code java} looked up on {@code PATH} ({@code fsys.LookPath} of a name without a slash
 * is {@code exec.LookPath}), arguments {@code -jar <binary>} (the path cleaned, as written in
 * {@code Pulumi.yaml});</li>
 * <li>working directory: {@code req.Info.ProgramDirectory}, the project directory;</li>
 * <li>environment: the host's own ({@code os.Environ()}) plus, each only when not empty,
 * {@code PULUMI_MONITOR}, {@code PULUMI_ENGINE}, {@code PULUMI_ORGANIZATION}, {@code PULUMI_PROJECT},
 * {@code PULUMI_STACK}, {@code PULUMI_PWD}, {@code PULUMI_DRY_RUN} ({@code true}/{@code false}),
 * {@code PULUMI_PARALLEL}, {@code PULUMI_TRACING}, {@code PULUMI_CONFIG} (the request's config map,
 * {@code json.Marshal}ed) and {@code PULUMI_CONFIG_SECRET_KEYS} ({@code []} when there are none);</li>
 * <li>stdout and stderr captured (the host prints them only when the program fails).</li>
 * </ul>
 * Nothing else: no JVM options, no second process.
 */
public final class LanguageHost {
    private LanguageHost() {
    }

    /** What the engine puts in {@code RunRequest} for one stack. */
    public record Run(String organization, String project, String stack, boolean dryRun, int parallel, CliConfig config) {
    }

    /** The process the host would start for {@code binary} in {@code programDir}, talking to {@code engine}. */
    public static ProcessBuilder processFor(Path programDir, String binary, EngineStandIn engine, Run run) {
        ProcessBuilder pb = new ProcessBuilder(javaOnPath(), "-jar", Path.of(binary).normalize().toString());
        pb.directory(programDir.toFile());
        Map<String, String> env = pb.environment(); // starts as this process's environment, like os.Environ()
        if (!run.project().equals(engine.project()) || !run.stack().equals(engine.stack())) {
            throw new IllegalArgumentException("the run is for " + run.project() + "/" + run.stack() + ", the engine serves "
                    + engine.project() + "/" + engine.stack());
        }
        env.putAll(engine.environment(run.organization(), run.dryRun(), run.config().json(), run.config().secretKeysJson()));
        put(env, "pwd", programDir.toAbsolutePath().normalize().toString());
        put(env, "parallel", String.valueOf(run.parallel()));
        return pb;
    }

    private static void put(Map<String, String> env, String key, String value) {
        if (value != null && !value.isEmpty()) {
            env.put("PULUMI_" + key.toUpperCase(java.util.Locale.ROOT), value);
        }
    }

    /** exec.LookPath("java"): the first executable {@code java} on PATH. */
    static String javaOnPath() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path java = Path.of(dir.isEmpty() ? "." : dir, "java");
            if (Files.isExecutable(java) && !Files.isDirectory(java)) {
                return java.toString();
            }
        }
        throw new IllegalStateException("no java on PATH (the language host looks it up there)");
    }

    /**
     * A stack's config as the CLI hands it to the language host: a map of {@code namespace:name} to a
     * string, and the keys whose values are secret. pulumi/pulumi {@code sdk/go/common/resource/config/
     * value.go} ({@code unmarshalValue}): a scalar is kept as its text; a map or list becomes an object
     * value, {@code json.Marshal} of what go-yaml decoded (keys sorted, YAML 1.2 core types: ints as
     * ints, floats in Go's shortest form); {@code key.go}: {@code ns:config:name} is {@code ns:name}.
     */
    public record CliConfig(Map<String, String> values, List<String> secretKeys) {
        public static CliConfig fromStackFile(Path file) throws IOException {
            return fromYaml(Files.readString(file));
        }

        /** {@code secrets}: keys given in plaintext here that the stack holds as {@code secure:} values. */
        public static CliConfig fromYaml(String yaml, String... secrets) {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
            Map<String, String> values = new TreeMap<>();
            if (root instanceof MappingNode m) {
                for (NodeTuple t : m.getValue()) {
                    if (scalar(t.getKeyNode()).equals("config") && t.getValueNode() instanceof MappingNode config) {
                        for (NodeTuple c : config.getValue()) {
                            Node v = c.getValueNode();
                            values.put(normalizeKey(scalar(c.getKeyNode())), v instanceof ScalarNode s ? s.getValue() : GoJson.of(v));
                        }
                    }
                }
            }
            return new CliConfig(values, List.copyOf(new TreeSet<>(List.of(secrets))));
        }

        public CliConfig with(String key, String value) {
            Map<String, String> copy = new TreeMap<>(values);
            copy.put(key, value);
            return new CliConfig(copy, secretKeys);
        }

        /** constructConfig: json.Marshal of the map (Go sorts the keys). */
        public String json() {
            StringBuilder b = new StringBuilder("{");
            values.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(GoJson.string(k)).append(':').append(GoJson.string(v)));
            return b.append('}').toString();
        }

        /** constructConfigSecretKeys: {@code []} when there are none. */
        public String secretKeysJson() {
            List<String> quoted = new ArrayList<>();
            secretKeys.forEach(k -> quoted.add(GoJson.string(k)));
            return "[" + String.join(",", quoted) + "]";
        }

        private static String normalizeKey(String key) {
            String[] parts = key.split(":", -1);
            return parts.length == 3 && parts[1].equals("config") ? parts[0] + ":" + parts[2] : key;
        }

        private static String scalar(Node n) {
            return n instanceof ScalarNode s ? s.getValue() : "";
        }
    }

    /** Go's encoding/json output for what gopkg.in/yaml.v3 decodes into interface{}. */
    static final class GoJson {
        private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
        private static final Pattern FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
        private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
        private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");

        private GoJson() {
        }

        static String of(Node node) {
            if (node instanceof MappingNode m) {
                Map<String, String> fields = new TreeMap<>();
                for (NodeTuple t : m.getValue()) {
                    fields.put(((ScalarNode) t.getKeyNode()).getValue(), of(t.getValueNode()));
                }
                StringBuilder b = new StringBuilder("{");
                fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(string(k)).append(':').append(v));
                return b.append('}').toString();
            }
            if (node instanceof SequenceNode s) {
                List<String> items = new ArrayList<>();
                s.getValue().forEach(item -> items.add(of(item)));
                return "[" + String.join(",", items) + "]";
            }
            ScalarNode s = (ScalarNode) node;
            String text = s.getValue();
            if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
                return string(text);
            }
            if (NULL.matcher(text).matches()) {
                return "null";
            }
            if (BOOL.matcher(text).matches()) {
                return text.toLowerCase(java.util.Locale.ROOT);
            }
            if (INT.matcher(text).matches()) {
                return text.startsWith("0o") ? String.valueOf(Long.parseLong(text.substring(2), 8))
                        : text.startsWith("0x") ? String.valueOf(Long.parseLong(text.substring(2), 16))
                        : new BigDecimal(text).toBigInteger().toString();
            }
            if (FLOAT.matcher(text).matches()) {
                return goFloat(Double.parseDouble(text));
            }
            return string(text);
        }

        /** strconv.FormatFloat(f, 'f' or 'e', -1, 64) as encoding/json chooses it. */
        static String goFloat(double d) {
            double abs = Math.abs(d);
            if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
                String e = new BigDecimal(Double.toString(d)).stripTrailingZeros().toString().replace("E", "e");
                return e.replaceAll("e\\+?(-?)0*([0-9])", "e$1$2").replaceAll("e([0-9])", "e+$1");
            }
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }

        /** A JSON string as encoding/json writes it: HTML-safe (<, >, & escaped) and U+2028/9 escaped. */
        static String string(String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
    }
}
