package dev.headway.infra.hooks.engine;

import com.google.gson.JsonParseException;
import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandException;
import com.pulumi.automation.CommandRunOptions;
import com.pulumi.automation.DestroyOptions;
import com.pulumi.automation.LocalPulumiCommand;
import com.pulumi.automation.LocalWorkspace;
import com.pulumi.automation.LocalWorkspaceOptions;
import com.pulumi.automation.PreviewOptions;
import com.pulumi.automation.RefreshOptions;
import com.pulumi.automation.StackNotFoundException;
import com.pulumi.automation.UpOptions;
import com.pulumi.automation.UpdateState;
import com.pulumi.automation.UpdateSummary;
import com.pulumi.automation.WorkspaceStack;
import dev.headway.infra.UserError;
import dev.headway.infra.config.ConfigFile;
import dev.headway.infra.config.Environments;
import dev.headway.infra.config.SettingsLoader;
import dev.headway.infra.hooks.StackOutputs;
import dev.headway.infra.launcher.TunedJvm;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The real Pulumi engine through the Automation API ({@code com.pulumi.automation}): a {@link LocalWorkspace}
 * on the project directory with its local program ({@code Pulumi.yaml} runs the built jar), one stack selected.
 * Needs the {@code pulumi} executable on PATH; without it, one line and exit 3.
 */
public final class StackEngine {
    private final String stack;
    private final Path workDir;
    private final Consumer<String> log;

    public StackEngine(String stack, Path workDir, Consumer<String> log) {
        this.stack = stack;
        this.workDir = workDir;
        this.log = log;
    }

    /**
     * Whether {@code stack} is prod-tier, so destroying it needs confirmation: named like production,
     * or its {@code Pulumi.<stack>.yaml} resolves to tier prod. A file that does not validate counts as
     * prod (its tier cannot be known).
     */
    public static boolean isProd(String stack, Path workDir) {
        if (Environments.namedLikeProd(stack)) {
            return true;
        }
        Path file = workDir.resolve("Pulumi." + stack + ".yaml");
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return SettingsLoader.load(stack, ConfigFile.read(file)).env().isProd();
        } catch (UserError e) {
            return true;
        }
    }

    /** The {@code pulumi} executable on {@code PATH}, or a one-line environment error. */
    public static Path requirePulumi(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "pulumi");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new UserError(UserError.ENVIRONMENT, "pulumi: the Pulumi CLI is not on PATH; preview, up, destroy and "
                + "refresh run it through the Automation API (install it from pulumi.com, or use synth/diff offline)");
    }

    public Map<com.pulumi.automation.OperationType, Integer> preview() {
        return call(() -> select().preview(PreviewOptions.builder().onStandardOutput(log).build()).changeSummary());
    }

    /** Runs the update; returns the stack's outputs afterwards. */
    public StackOutputs up() {
        WorkspaceStack ws = call(this::select);
        try {
            ws.up(UpOptions.builder().onStandardOutput(log).build());
        } catch (CommandException e) {
            throw failed("up", e);
        } catch (AutomationException e) {
            if (!succeededDespite(e, () -> call(ws::getInfo))) {
                throw failed("up", e);
            }
        }
        return outputs();
    }

    /**
     * Whether an {@code up} that threw had in fact succeeded. The SDK decodes outputs as {@code Map<String, String>};
     * a map output (endpoints) makes it throw a JSON decoding error after a finished update. Then, and only then,
     * the stack's last update in its history decides; any other error is the update's own.
     */
    static boolean succeededDespite(AutomationException e, Supplier<Optional<UpdateSummary>> lastUpdate) {
        if (!causedByJsonDecoding(e)) {
            return false;
        }
        Optional<UpdateSummary> last = lastUpdate.get();
        return last.isPresent() && last.get().result() == UpdateState.SUCCEEDED;
    }

    public UpdateSummary destroy() {
        return call(() -> select().destroy(DestroyOptions.builder().onStandardOutput(log).build()).summary());
    }

    /** {@code pulumi config set <key> <value>} on the stack (written to its {@code Pulumi.<stack>.yaml}). */
    public void setConfig(String key, String value) {
        call(() -> {
            select().setConfig(key, new com.pulumi.automation.ConfigValue(value));
            return null;
        });
    }

    public UpdateSummary refresh() {
        return call(() -> select().refresh(RefreshOptions.builder().onStandardOutput(log).build()).summary());
    }

    /** {@code pulumi stack output --json --show-secrets}, as the hooks read it. */
    public StackOutputs outputs() {
        return call(() -> {
            var result = LocalPulumiCommand.create().run(List.of("stack", "output", "--json", "--show-secrets", "--stack", stack),
                    CommandRunOptions.builder().workingDir(workDir).build());
            return StackOutputs.parse("stack " + stack, result.standardOutput().isBlank() ? "{}" : result.standardOutput());
        });
    }

    private WorkspaceStack select() throws AutomationException {
        try {
            // the engine role's JVM options travel in the environment of this pulumi process tree only
            return LocalWorkspace.selectStack(stack, workDir, LocalWorkspaceOptions.builder().workDir(workDir)
                    .environmentVariables(TunedJvm.engineEnvironment()).build());
        } catch (StackNotFoundException e) {
            throw new UserError(UserError.USAGE, "stack " + stack + " does not exist in this project's backend (pulumi stack init " + stack + ")");
        }
    }

    private interface Call<T> {
        T run() throws AutomationException;
    }

    private <T> T call(Call<T> c) {
        requirePulumi(System.getenv());
        try {
            return c.run();
        } catch (AutomationException e) {
            throw failed("pulumi", e);
        }
    }

    private UserError failed(String what, AutomationException e) {
        return new UserError(1, what + " " + stack + " failed: " + detail(e), e);
    }

    /**
     * One line for a failed engine command: for a {@link CommandException} (message {@code code: N / stdout: ... /
     * stderr: ...}) the engine's last non-blank stderr line, else the code line; for anything else the root
     * cause's class and the first line of its message.
     */
    static String detail(AutomationException e) {
        if (e instanceof CommandException) {
            String msg = e.getMessage() == null ? "" : e.getMessage();
            int at = msg.lastIndexOf("stderr: ");
            String code = msg.lines().findFirst().orElse("failed");
            return at < 0 ? code : msg.substring(at + "stderr: ".length()).lines().map(String::strip)
                    .filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse(code);
        }
        Throwable root = rootCause(e);
        String name = root.getClass().getSimpleName();
        String first = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return first.isEmpty() ? name : name + ": " + first;
    }

    private static boolean causedByJsonDecoding(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) { // getCause() is null, not itself, for a self-caused throwable
            if (c instanceof JsonParseException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
