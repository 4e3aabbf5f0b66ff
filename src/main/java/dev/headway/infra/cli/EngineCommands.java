package dev.headway.infra.cli;

import com.pulumi.automation.UpdateSummary;
import dev.headway.infra.UserError;
import dev.headway.infra.config.ConfigFile;
import dev.headway.infra.conventions.Names;
import dev.headway.infra.hooks.GoogleClients;
import dev.headway.infra.hooks.HookResult;
import dev.headway.infra.hooks.UndeployModels;
import dev.headway.infra.hooks.StackOutputs;
import dev.headway.infra.hooks.engine.StackEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code preview|up|destroy|refresh <stack>}: the real engine through the Automation API, on the project
 * directory (the current one) with its local program. Needs the Pulumi CLI on PATH (else exit 3).
 */
final class EngineCommands {
    private EngineCommands() {
    }

    abstract static class Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<stack>")
        String stack;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        StackEngine engine() {
            Stacks.checkName(stack);
            PrintWriter out = out();
            return new StackEngine(stack, Path.of("").toAbsolutePath(), line -> {
                out.println(line);
                out.flush();
            });
        }

        void summary(String verb, UpdateSummary s) {
            out().println(verb + " " + stack + ": " + (s == null ? "done" : s.result() + " " + s.resourceChanges()));
            out().flush();
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true, description = "Preview the stack's changes (Automation API).")
    static final class Preview extends Base {
        @Override
        public Integer call() {
            var changes = engine().preview();
            out().println("preview " + stack + ": " + changes);
            return 0;
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Update the stack (Automation API), then run the post-deploy hooks on its outputs. "
                    + "Exit 0 when the update and all hooks pass, 1 when either fails.")
    static final class Up extends Base {
        @Option(names = "--skip-hooks", description = "Update only; run no hooks")
        boolean skipHooks;

        @Mixin
        HookOptions hooks;

        @Override
        public Integer call() {
            hooks.selected();
            StackOutputs outputs = engine().up();
            out().println("up " + stack + ": succeeded");
            out().flush();
            return skipHooks ? 0 : hooks.run(stack, outputs, System.getenv(), out());
        }
    }

    @Command(name = "destroy", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Undeploy every model from the stack's endpoints (Vertex AI refuses to delete an endpoint with one), "
                    + "then destroy the stack's resources (Automation API); on a non-prod stack, move headway:deploymentSuffix on "
                    + "so the next up uses names Google does not block. A prod-tier stack (named like prod, or headway:tier prod) "
                    + "needs --confirm <stack-name>.")
    static final class Destroy extends Base {
        @Option(names = "--confirm", paramLabel = "STACK", description = "The stack's name again: required to destroy a prod stack")
        String confirm;

        @Option(names = "--vertex-endpoint", paramLabel = "HOST:PORT", description = "Vertex AI endpoint override (else $HEADWAY_VERTEX_ENDPOINT, else <region>-aiplatform.googleapis.com:443); plaintext only on loopback")
        String vertexEndpoint;

        @Option(names = "--timeout", defaultValue = "600", paramLabel = "SECONDS", description = "Time bound of each Vertex AI call, retries included (default: ${DEFAULT-VALUE})")
        long timeoutSeconds;

        @Override
        public Integer call() {
            Stacks.checkName(stack);
            Path dir = Path.of("").toAbsolutePath();
            boolean prod = StackEngine.isProd(stack, dir);
            if (prod && !stack.equals(confirm)) {
                throw new UserError(UserError.USAGE, "destroy " + stack + ": a prod stack; nothing done. "
                        + "Repeat with --confirm " + stack + " to destroy it");
            }
            StackEngine engine = engine();
            var undeploy = new UndeployModels(region -> GoogleClients.vertex(region, java.util.Optional.ofNullable(vertexEndpoint),
                    System.getenv(), java.time.Duration.ofSeconds(timeoutSeconds))).run(engine.outputs());
            out().println(undeploy.line());
            out().flush();
            if (undeploy.status() == HookResult.Status.FAIL) {
                throw new UserError(1, "destroy " + stack + ": not started, a model is still deployed (see above); undeploy it and repeat");
            }
            summary("destroy", engine.destroy());
            if (!prod) {
                advanceSuffix(engine, dir);
            }
            return 0;
        }

        /** The names Google blocks after this destroy are left behind: the next up gets a new suffix (docs/lifecycle.md). */
        private void advanceSuffix(StackEngine engine, Path dir) {
            Path file = dir.resolve("Pulumi." + stack + ".yaml");
            String current = Files.isRegularFile(file)
                    ? ConfigFile.read(file).values().getOrDefault("headway:deploymentSuffix", "") : "";
            String next = Names.nextDeploymentSuffix(current);
            engine.setConfig("headway:deploymentSuffix", next);
            out().println("destroy " + stack + ": headway:deploymentSuffix " + (current.isEmpty() ? "(none)" : current) + " -> " + next
                    + " in Pulumi." + stack + ".yaml (the Workload Identity pool and provider stay soft-deleted 30 days and the Firestore "
                    + "database stays; the next up creates new ones). Commit the file.");
            out().flush();
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true, description = "Refresh the stack's state from the cloud (Automation API).")
    static final class Refresh extends Base {
        @Override
        public Integer call() {
            summary("refresh", engine().refresh());
            return 0;
        }
    }
}
