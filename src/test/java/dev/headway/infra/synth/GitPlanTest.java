package dev.headway.infra.synth;

import dev.headway.infra.UserError;
import dev.headway.infra.testing.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The base of a pull request's diff: the plan at the merge base of HEAD and the target branch, read from git. */
class GitPlanTest {
    private static final Path PLAN = Path.of("stacks", "dev.plan.json");

    @TempDir
    Path dir;

    private static String plan(String... names) {
        StringBuilder sb = new StringBuilder("{\"stack\": \"dev\", \"project\": \"headway\", \"resources\": [");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"urn\": \"urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::").append(names[i])
                    .append("\", \"type\": \"gcp:pubsub/topic:Topic\", \"name\": \"").append(names[i]).append("\", \"inputs\": {}}");
        }
        return sb.append("], \"outputs\": {}}").toString();
    }

    @Test
    void readsThePlanAtTheMergeBaseNotAtHeadNorAtTheTipOfTheRef() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write("stacks/dev.plan.json", plan("base"));
        String base = repo.commitAll("base");
        repo.git("checkout", "-q", "-b", "pr");
        repo.write("stacks/dev.plan.json", plan("pr"));
        repo.commitAll("pull request refreshes the plan");
        repo.git("checkout", "-q", "main");
        repo.write("stacks/dev.plan.json", plan("later-on-main"));
        repo.commitAll("main moves on");
        repo.git("checkout", "-q", "pr");

        GitPlan.AtBase at = GitPlan.atMergeBase(dir, "main", "dev", PLAN);
        assertEquals(base, at.commit());
        assertTrue(at.existed());
        assertEquals("base", at.plan().resources().get(0).name());
    }

    @Test
    void aStackWithNoPlanAtTheBaseComparesWithNothing() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write("README", "x");
        repo.commitAll("base without plans");
        repo.git("checkout", "-q", "-b", "pr");
        repo.write("stacks/dev.plan.json", plan("new"));
        repo.commitAll("first plan");

        GitPlan.AtBase at = GitPlan.atMergeBase(dir, "main", "dev", PLAN);
        assertFalse(at.existed());
        assertTrue(at.plan().resources().isEmpty());
        assertEquals("dev", at.plan().stack());
    }

    @Test
    void readsRelativeToTheWorkingDirectoryInsideTheRepository() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write("infra/stacks/dev.plan.json", plan("nested"));
        repo.commitAll("nested project");
        assertEquals("nested", GitPlan.atMergeBase(dir.resolve("infra"), "HEAD", "dev", PLAN).plan().resources().get(0).name());
    }

    @Test
    void notAGitCheckoutIsAUsageError() {
        UserError e = assertThrows(UserError.class, () -> GitPlan.atMergeBase(dir, "main", "dev", PLAN));
        assertEquals(UserError.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("not inside a git checkout"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anUnknownRefIsAUsageErrorThatSaysHowToFetchIt() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.commitAll("empty");
        UserError e = assertThrows(UserError.class, () -> GitPlan.atMergeBase(dir, "origin/nope", "dev", PLAN));
        assertEquals(UserError.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("unknown git ref") && e.getMessage().contains("fetch-depth: 0"), e.getMessage());
    }

    @Test
    void aRefThatLooksLikeAnOptionIsRefusedBeforeGitSeesIt() throws Exception {
        GitRepo.init(dir).commitAll("empty");
        UserError e = assertThrows(UserError.class, () -> GitPlan.atMergeBase(dir, "--output=/tmp/x", "dev", PLAN));
        assertEquals(UserError.USAGE, e.exitCode());
    }

    @Test
    void unrelatedHistoriesHaveNoMergeBase() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.commitAll("one");
        repo.git("checkout", "-q", "--orphan", "other");
        repo.commitAll("two");
        UserError e = assertThrows(UserError.class, () -> GitPlan.atMergeBase(dir, "main", "dev", PLAN));
        assertTrue(e.getMessage().contains("share no history"), e.getMessage());
    }
}
