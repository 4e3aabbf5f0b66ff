package dev.headway.infra.docs;

import com.pulumi.resources.ComponentResourceOptions;
import dev.headway.infra.cli.CliRun;
import dev.headway.infra.config.Settings;
import dev.headway.infra.identity.Identities;
import dev.headway.infra.identity.IdentitiesArgs;
import dev.headway.infra.identity.Workload;
import dev.headway.infra.platform.Api;
import dev.headway.infra.platform.Platform;
import dev.headway.infra.platform.PlatformArgs;
import dev.headway.infra.streaming.FeedTopics;
import dev.headway.infra.streaming.FeedTopicsArgs;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.RecordingEngine;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's examples are run, so the docs cannot rot. */
class ReadmeTest {
    private static final String JAR = "java -jar target/headway-infra.jar ";

    /** Every offline command the README shows (synth, diff, check, help) runs and exits 0. */
    @Test
    void offlineCommandsInTheReadmeWork() throws IOException {
        List<String> commands = commands(Files.readString(Path.of("README.md")));
        assertTrue(commands.size() >= 3, "README shows offline commands: " + commands);
        for (String command : commands) {
            CliRun run = CliRun.of(command.substring(JAR.length()).trim().split("\\s+"));
            assertEquals(0, run.exitCode(), command + "\n" + run.err());
            assertFalse(run.out().isBlank(), command);
        }
    }

    /** The library example in the README is this code, and it declares what the README says. */
    @Test
    void theComponentExampleIsThisTestsCode() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/headway/infra/docs/ReadmeTest.java"));
        // the markers' last occurrences are the ones in example() (these lines mention them too)
        String snippet = source.substring(source.lastIndexOf("// README:begin\n") + "// README:begin\n".length(),
                source.lastIndexOf("        // README:end"));
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(unindent(snippet)), "README shows the example exactly as tested:\n" + unindent(snippet));

        Plan plan = RecordingEngine.run("headway", "dev", Synth.config("dev"), ctx -> example(Synth.settings("dev", Map.of())));
        PlannedResource grant = plan.get("gcp:pubsub/topicIAMMember:TopicIAMMember", "hw-dev-feed-publish-poller");
        assertEquals("roles/pubsub.publisher", grant.input("role").asText());
        assertEquals("serviceAccount:hw-dev-poller@headway-dev.iam.gserviceaccount.com", grant.input("member").asText());
        assertEquals("projects/headway-dev/topics/hw-dev-feed", grant.input("topic").asText());
    }

    private static void example(Settings settings) {
        // README:begin
        var none = ComponentResourceOptions.Empty;
        var platform = new Platform("platform", PlatformArgs.from(settings), none);
        var identities = new Identities("identities", IdentitiesArgs.from(settings, platform.service(Api.IAM), platform.service(Api.CLOUD_RESOURCE_MANAGER)), none);
        var feed = new FeedTopics("feed", FeedTopicsArgs.from(settings, platform.service(Api.PUBSUB)), none);
        feed.grantPublish(identities.of(Workload.POLLER));   // a TopicIAMMember on this topic only
        // README:end
    }

    static List<String> commands(String readme) {
        List<String> out = new ArrayList<>();
        boolean inShell = false;
        for (String line : readme.split("\n")) {
            if (line.startsWith("```")) {
                inShell = line.equals("```sh");
                continue;
            }
            String l = line.trim();
            int and = l.indexOf("&& " + JAR);
            if (and >= 0) {
                l = l.substring(and + 3);
            }
            if (inShell && l.startsWith(JAR) && !l.contains(">") && !l.endsWith("\\")
                    && l.substring(JAR.length()).matches("(synth|diff|check|--help|--version)\\b.*")) {
                out.add(l.replaceAll("\\s+#.*$", ""));
            }
        }
        return out;
    }

    private static String unindent(String s) {
        return s.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).reduce("", (a, b) -> a + b + "\n");
    }
}
