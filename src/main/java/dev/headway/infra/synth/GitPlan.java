package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stack's reviewed plan as it is at the merge base of {@code HEAD} and a git ref: what the pull
 * request's target branch held when the branches parted, so the diff shows what merging will do
 * (the plan committed in the pull request itself always equals its synth).
 *
 * <p>Read with the git CLI, each call bounded in time and size: {@code git merge-base HEAD <ref>}
 * (git-merge-base(1)), {@code git ls-tree <rev> -- <path>} to learn whether the file exists there
 * (an empty listing means it does not), {@code git show <rev>:./<path>} for its bytes
 * (gitrevisions(7): {@code <rev>:./path} is relative to the working directory).
 */
public final class GitPlan {
    /** Each git call; a local repository answers in milliseconds, a hung one is an environment problem. */
    static final long TIMEOUT_SECONDS = 30;
    /** A plan is a few hundred kilobytes; refuse to read more than this from git. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** The plan at the merge base, with the commit it came from; {@code plan} is empty when the file did not exist there. */
    public record AtBase(String commit, Plan plan, boolean existed) {
    }

    private GitPlan() {
    }

    /**
     * @param dir   the working directory (inside the checkout)
     * @param ref   the base: a branch, tag or commit ({@code origin/main}, the pull request's base sha)
     * @param stack the stack, for an empty plan when the file is absent at the base
     * @param plan  the plan file, relative to {@code dir} ({@code stacks/prod.plan.json})
     */
    public static AtBase atMergeBase(Path dir, String ref, String stack, Path plan) {
        if (ref.isEmpty() || ref.startsWith("-") || ref.chars().anyMatch(c -> c < 0x20)) {
            // control characters shown as '?', so the error stays one line
            throw new UserError(UserError.USAGE, "--base \"" + ref.replaceAll("\\p{Cntrl}", "?")
                    + "\": expected a git ref such as origin/main or a commit sha");
        }
        if (git(dir, "rev-parse", "--is-inside-work-tree").code != 0) {
            throw new UserError(UserError.USAGE, "--base " + ref + ": " + dir.toAbsolutePath().normalize()
                    + " is not inside a git checkout; run diff in the repository, or compare with a file: --against F");
        }
        if (git(dir, "rev-parse", "--verify", "--quiet", ref + "^{commit}").code != 0) {
            throw new UserError(UserError.USAGE, "--base " + ref + ": unknown git ref or commit; fetch it first "
                    + "(git fetch origin " + ref + ", or actions/checkout with fetch-depth: 0)");
        }
        Result base = git(dir, "merge-base", "HEAD", ref);
        if (base.code != 0) {
            throw new UserError(UserError.USAGE, "--base " + ref + ": HEAD and " + ref
                    + " share no history (a shallow clone? fetch with fetch-depth: 0)");
        }
        String commit = base.out.strip();
        java.util.Optional<String> text = readAt(dir, commit, plan);
        if (text.isEmpty()) {
            return new AtBase(commit, new Plan(stack, "", List.of(), Map.of()), false);
        }
        try {
            return new AtBase(commit, PlanJson.fromTree(new ObjectMapper().readTree(text.get())), true);
        } catch (IOException | RuntimeException e) {
            throw new UserError(UserError.USAGE, plan + " at " + shortSha(commit) + ": not a synth plan ("
                    + firstLine(String.valueOf(e.getMessage())) + ")");
        }
    }

    /** A file's text at {@code commit} ({@code path} relative to {@code dir}), or empty when the commit has no such file. */
    public static java.util.Optional<String> readAt(Path dir, String commit, Path path) {
        Result listed = git(dir, "ls-tree", commit, "--", path.toString());
        if (listed.code != 0) {
            throw new UserError(UserError.ENVIRONMENT, "git ls-tree " + commit + ": " + firstLine(listed.err));
        }
        if (listed.out.isBlank()) {
            return java.util.Optional.empty();
        }
        Result shown = git(dir, "show", commit + ":./" + path.toString().replace('\\', '/'));
        if (shown.code != 0) {
            throw new UserError(UserError.ENVIRONMENT, "git show " + commit + ":" + path + ": " + firstLine(shown.err));
        }
        return java.util.Optional.of(shown.out);
    }

    public static String shortSha(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    private record Result(int code, String out, String err) {
    }

    private static Result git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
        cmd.addAll(List.of(args));
        Path out = null;
        Path err = null;
        Process p = null;
        try {
            out = Files.createTempFile("headway-git", ".out");
            err = Files.createTempFile("headway-git", ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toAbsolutePath().toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            pb.environment().put("GIT_TERMINAL_PROMPT", "0");
            pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
            p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new UserError(UserError.ENVIRONMENT, "git " + args[0] + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (Files.size(out) > MAX_BYTES) {
                throw new UserError(UserError.ENVIRONMENT, "git " + String.join(" ", args) + ": more than " + MAX_BYTES + " bytes");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, "--base needs the git command: " + firstLine(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new UserError(UserError.ENVIRONMENT, "git " + args[0] + " interrupted");
        } finally {
            delete(out);
            delete(err);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void delete(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("").strip();
    }
}
