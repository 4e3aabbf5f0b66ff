package dev.headway.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded reader: each limit holds exactly at the limit and refuses one past it, in one line. */
class DocumentsTest {
    @TempDir
    Path dir;

    private static String refusal(org.junit.jupiter.api.function.Executable read) {
        return assertThrows(Documents.Malformed.class, read).getMessage();
    }

    @Test
    void readsAFileOfExactlyTheLimit() throws Exception {
        Path file = Files.write(dir.resolve("big.yaml"), "a".repeat(Documents.MAX_BYTES).getBytes());
        assertEquals(Documents.MAX_BYTES, Documents.read(file).length());
    }

    @Test
    void refusesAFileOneBytePastTheLimit() throws Exception {
        Path file = Files.write(dir.resolve("big.yaml"), "a".repeat(Documents.MAX_BYTES + 1).getBytes());
        assertEquals("larger than 4 MiB; is this the right file?", refusal(() -> Documents.read(file)));
    }

    @Test
    void refusesADirectoryAndAMissingFileAndBytesThatAreNotUtf8() throws Exception {
        assertEquals("cannot be read (a directory)", refusal(() -> Documents.read(dir)));
        assertEquals("no such file", refusal(() -> Documents.read(dir.resolve("absent.yaml"))));
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[]{'a', (byte) 0xE9});
        assertEquals("is not UTF-8 text", refusal(() -> Documents.read(latin1)));
    }

    @Test
    void readsOneJsonValue() throws Exception {
        JsonNode n = Documents.json("{\"a\": [1, 2]}");
        assertEquals(2, n.path("a").path(1).asInt());
    }

    @Test
    void refusesJsonWithMoreAfterTheValue() {
        assertEquals("is not valid JSON at line 1: more content after the first JSON value; keep one",
                refusal(() -> Documents.json("{} {}")));
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void jsonNestsExactlyToTheLimit() throws Exception {
        assertTrue(Documents.json(nested(Documents.MAX_DEPTH)).isArray());
        assertEquals("is not valid JSON: nested deeper than 64 levels", refusal(() -> Documents.json(nested(Documents.MAX_DEPTH + 1))));
    }

    @Test
    void jsonRefusesANumberLongerThanAllowed() {
        assertEquals("is not valid JSON: a value longer than allowed", refusal(() -> Documents.json("[" + "9".repeat(101) + "]")));
    }

    @Test
    void jsonRefusesAStringLongerThanTheFileLimit() {
        assertEquals("is not valid JSON: a value longer than allowed",
                refusal(() -> Documents.json("\"" + "a".repeat(Documents.MAX_BYTES + 1) + "\"")));
    }

    // Jackson's message for a bad token is "Unrecognized token '<token>': was expecting (...)", 108 characters
    // besides the token; the reason keeps its first 160 characters so the error stays one readable line.
    @Test
    void aParserMessageOfExactly160CharactersIsKeptWhole() {
        String reason = refusal(() -> Documents.json("a".repeat(52))).substring("is not valid JSON at line 1: ".length());
        assertEquals(160, reason.length());
        assertTrue(reason.endsWith("'false')"), reason);
    }

    @Test
    void aLongerParserMessageIsCutAt160Characters() {
        String reason = refusal(() -> Documents.json("a".repeat(53))).substring("is not valid JSON at line 1: ".length());
        assertEquals(163, reason.length());
        assertTrue(reason.endsWith("'false'..."), reason);
    }

    @Test
    void yamlNestsExactlyToTheLimit() throws Exception {
        assertTrue(Documents.yaml(nested(Documents.MAX_DEPTH)).isArray());
        assertEquals("is not valid YAML: nested deeper than 64 levels", refusal(() -> Documents.yaml(nested(Documents.MAX_DEPTH + 1))));
    }

    @Test
    void yamlRefusesASecondDocumentNamingItsLine() {
        assertEquals("holds more than one YAML document (another starts at line 3); keep one",
                refusal(() -> Documents.yaml("a: 1\n---\nb: 2\n")));
    }

    @Test
    void yamlRefusesAnAlias() {
        assertTrue(refusal(() -> Documents.yaml("a: &x 1\nb: *x\n")).contains("alias"));
    }

    @Test
    void yamlRefusesADuplicateKeyNamingItsLine() {
        assertEquals("key a appears twice at line 2 (the second would silently win); keep one",
                refusal(() -> Documents.yaml("a: 1\na: 2\n")));
    }

    @Test
    void yamlNamesTheLineOfASyntaxError() {
        assertTrue(refusal(() -> Documents.yaml("a: 1\nb: [\n")).startsWith("is not valid YAML at line "));
    }
}
