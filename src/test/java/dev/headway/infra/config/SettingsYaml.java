package dev.headway.infra.config;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The smallest stack file of a tier (project, region, tier, the CI ids that have no default) plus the
 * given top-level config lines, loaded by {@link SettingsLoader}: what a user's file would give.
 */
final class SettingsYaml {
    private SettingsYaml() {
    }

    /** {@code lines} are top-level config entries, e.g. {@code "headway:pubsub: {minBackoffSeconds: 0}"}. */
    static String yaml(String tier, String... lines) {
        List<String> all = new ArrayList<>(List.of(lines));
        add(all, "gcp:project: headway-" + tier);
        add(all, "gcp:region: us-east1");
        add(all, "headway:tier: " + tier);
        add(all, "headway:ci: {repositoryId: \"1\", repositoryOwnerId: \"2\"}");
        StringBuilder sb = new StringBuilder("config:\n");
        all.forEach(l -> sb.append("  ").append(l).append('\n'));
        return sb.toString();
    }

    private static void add(List<String> lines, String line) {
        String key = line.substring(0, line.indexOf(": "));
        if (lines.stream().noneMatch(l -> l.startsWith(key + ":"))) {
            lines.add(line);
        }
    }

    static Settings load(String tier, String... lines) {
        return loadStack(tier, tier, lines);
    }

    /** A stack whose name is not its tier's (a review stack, say). */
    static Settings loadStack(String stack, String tier, String... lines) {
        return SettingsLoader.load(stack, ConfigFile.parse("test.yaml", yaml(tier, lines)));
    }

    static ConfigError refused(String tier, String... lines) {
        return assertThrows(ConfigError.class, () -> load(tier, lines), () -> "refused: " + String.join("\n", lines));
    }
}
