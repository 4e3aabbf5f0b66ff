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
    @Test
    void anEmptyRefOrOneWithAControlCharacterIsRefusedBeforeGitSeesIt() throws Exception {
        GitRepo.init(dir).commitAll("empty");
        for (String ref : new String[] {"", "main\nHEAD", "main\u001f"}) {
            UserError e = assertThrows(UserError.class, () -> GitPlan.atMergeBase(dir, ref, "dev", PLAN));
            assertEquals(UserError.USAGE, e.exitCode());
            assertTrue(e.getMessage().contains("expected a git ref"), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), "one line on stderr");
        }
        assertTrue(assertThrows(UserError.class, () -> GitPlan.atMergeBase(dir, "main\nHEAD", "dev", PLAN)).getMessage()
                .contains("\"main?HEAD\""), "the control character shown as ?");
    }

    @Test
    void aRefWithASpaceIsLeftToGitWhichKnowsNoSuchRef() throws Exception {
        // a space (0x20) is not a control character: git-check-ref-format(1) refuses it, and says so as an unknown ref
        GitRepo.init(dir).commitAll("empty");
        UserError e = assertThrows(UserError.class, () -> GitPlan.atMergeBase(dir, "main branch", "dev", PLAN));
        assertTrue(e.getMessage().contains("unknown git ref"), e.getMessage());
    }

    @Test
    void aFileAtTheBaseThatIsNotAPlanNamesTheShortCommit() throws Exception {
        GitRepo repo = GitRepo.init(dir);
        repo.write("stacks/dev.plan.json", "{\"not\": [1, 2");
        String base = repo.commitAll("broken plan");
        UserError e = assertThrows(UserError.class, () -> GitPlan.atMergeBase(dir, "HEAD", "dev", PLAN));
        assertEquals(UserError.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith(PLAN + " at " + base.substring(0, 12) + ": not a synth plan ("), e.getMessage());
        assertFalse(e.getMessage().contains(base), "the short sha, not the full one");
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void shortShaKeepsTwelveCharacters() {
        assertEquals("0123456789ab", GitPlan.shortSha("0123456789abcdef0123456789abcdef01234567"));
        assertEquals("0123456789ab", GitPlan.shortSha("0123456789ab"));
        assertEquals("abc", GitPlan.shortSha("abc"));
    }

    @Test
    void readingAtACommitGitDoesNotHaveIsAnEnvironmentErrorOnOneLine() throws Exception {
        GitRepo.init(dir).commitAll("empty");
        UserError e = assertThrows(UserError.class,
                () -> GitPlan.readAt(dir, "0123456789abcdef0123456789abcdef01234567", PLAN));
        assertEquals(UserError.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().startsWith("git ls-tree 0123456789abcdef0123456789abcdef01234567: "), e.getMessage());
        assertTrue(e.getMessage().length() > "git ls-tree 0123456789abcdef0123456789abcdef01234567: ".length(), "git's reason is kept");
        assertEquals(1, e.getMessage().lines().count());
    }
}
