package dev.headway.infra.adopt;

import dev.headway.infra.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Reading the preview digest ({@code pulumi preview --json}; pulumi/pulumi {@code pkg/display/json.go}: steps[] with
 * op, urn, diffReasons, replaceReasons, detailedDiff): only imported resources count, and only steps that change.
 */
class PulumiImportTest {
    static final String A = "urn:pulumi:dev::headway::pulumi:pulumi:Stack$gcp:pubsub/topic:Topic::a";
    static final String B = "urn:pulumi:dev::headway::pulumi:pulumi:Stack$gcp:pubsub/topic:Topic::b";

    @Test
    void sameAndReadAreNoChangeAndOtherResourcesAreNotOurs() {
        String digest = "{\"steps\":[{\"op\":\"same\",\"urn\":\"" + A + "\"},{\"op\":\"create\",\"urn\":\"" + B + "\"}]}";
        assertEquals(List.of(), PulumiImport.changes(new PulumiImport.Result(255, digest, ""), Set.of(A)));
    }

    @Test
    void aReplacementListsItsReasons() {
        String digest = "{\"steps\":[{\"op\":\"replace\",\"urn\":\"" + A + "\",\"replaceReasons\":[\"name\"],\"detailedDiff\":{\"name\":{\"kind\":\"update-replace\"}}}]}";
        assertEquals(List.of(new PulumiImport.Change(A, "replace", List.of("name"))),
                PulumiImport.changes(new PulumiImport.Result(255, digest, ""), Set.of(A)));
    }

    @Test
    void aPreviewThatDidNotRunIsAFailureWithTheCliMessage() {
        UserError e = assertThrows(UserError.class, () -> PulumiImport.changes(
                new PulumiImport.Result(255, "", "error: no stack named 'dev' found\n"), Set.of(A)));
        assertEquals(1, e.exitCode());
        assertEquals("pulumi preview failed (exit 255): error: no stack named 'dev' found", e.getMessage());
    }
}
