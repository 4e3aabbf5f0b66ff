package dev.headway.infra.adopt;

import dev.headway.infra.UserError;
import dev.headway.infra.config.ConfigFile;
import dev.headway.infra.config.Settings;
import dev.headway.infra.config.SettingsLoader;
import dev.headway.infra.hooks.GoogleClients;
import dev.headway.infra.synth.Plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code headway-infra adopt <stack>}: synth, check {@code headway:adopt} against the plan, discover (read-only),
 * write the import file and the report; with apply, import and preview through the Pulumi CLI.
 */
public final class Adopt {
    private final String stack;
    private final Path configFile;
    private final Map<String, String> env;
    private final Duration timeout;

    public Adopt(String stack, Path configFile, Map<String, String> env, Duration timeout) {
        this.stack = stack;
        this.configFile = configFile;
        this.env = env;
        this.timeout = timeout;
    }

    /** The discovery this project has: Pub/Sub through its client library, the other kinds over their REST list methods. */
    public Discovery discovery(String project, String region, String zone) {
        // SLF4J 2 reports "no providers" on stderr when the Google clients first log; stderr is for our one-line errors
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        return Discovery.of(new PubSubDiscovery(project, GoogleClients.pubsub(env, timeout)), new RestDiscovery(project, region, zone, env, timeout));
    }

    /** Returns the exit code: 0, or 1 when {@code applyTimeout} is set and an imported resource would change. */
    public int run(Supplier<Plan> synth, Path importFile, Duration applyTimeout, Consumer<String> out) {
        Settings settings = SettingsLoader.load(stack, ConfigFile.read(configFile));
        Plan plan = synth.get();
        ImportIds ids = ImportIds.get();
        Adoption adoption = Adoption.of(plan, AdoptMap.resolve(plan, settings.adopt(), ids), discovery(plan.project(), settings.region(), settings.zone()), ids);
        try {
            Files.writeString(importFile, ImportFile.write(adoption));
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, "cannot write the import file " + importFile + ": " + e.getMessage());
        }
        out.accept(AdoptReport.text(adoption, importFile.toString()));
        if (applyTimeout == null) {
            out.accept("\nNext: pulumi import --file " + importFile + " --yes --generate-code=false --stack " + stack
                    + ", then pulumi preview --expect-no-changes --stack " + stack + " (or rerun with --apply)\n");
            return 0;
        }
        Set<String> urns = adoption.with(Adoption.Status.IMPORT).stream().map(e -> e.resource().urn()).collect(Collectors.toSet());
        if (urns.isEmpty()) {
            out.accept("\nnothing to import; pulumi up creates the stack\n");
            return 0;
        }
        List<PulumiImport.Change> changes = new PulumiImport(stack, Path.of("").toAbsolutePath(), env, applyTimeout, line -> out.accept(line + "\n"))
                .apply(importFile, urns);
        out.accept(AdoptReport.changes(changes));
        return changes.isEmpty() ? 0 : 1;
    }
}
