package dev.headway.infra.hooks;

import com.google.protobuf.Value;
import dev.headway.infra.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The instances {@code smoke-endpoint} sends: a JSON array, or a Vertex predict request body
 * ({@code {"instances": [...]}}, https://cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.endpoints/predict);
 * anything else is one line, exit 2, naming the file.
 */
class SmokeInstancesTest {
    private static Path file(String text) throws IOException {
        Path f = Files.createTempFile("instances", ".json");
        Files.writeString(f, text);
        return f;
    }

    private static String usage(Optional<Path> file) {
        UserError e = assertThrows(UserError.class, () -> SmokeEndpoint.instances(file));
        assertEquals(UserError.USAGE, e.exitCode());
        return e.getMessage();
    }

    @Test
    void theDefaultIsOneHeadwayInstance() {
        List<Value> v = SmokeEndpoint.instances(Optional.empty());
        assertEquals(1, v.size());
        assertEquals(8, v.get(0).getStructValue().getFieldsOrThrow("recent_headways_s").getListValue().getValuesCount());
    }

    @Test
    void anArrayAndARequestBodyGiveTheSameInstances() throws IOException {
        List<Value> fromArray = SmokeEndpoint.instances(Optional.of(file("[{\"x\": 1}, {\"x\": 2}]")));
        List<Value> fromBody = SmokeEndpoint.instances(Optional.of(file("{\"instances\": [{\"x\": 1}, {\"x\": 2}], \"parameters\": {}}")));
        assertEquals(2, fromArray.size());
        assertEquals(fromArray, fromBody);
        assertEquals(2.0, fromBody.get(1).getStructValue().getFieldsOrThrow("x").getNumberValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"instances\": []}", "{\"instances\": {}}", "{}", "\"x\"", "7"})
    void anythingButANonEmptyArrayIsRefused(String text) throws IOException {
        Path f = file(text);
        assertEquals("--instances " + f + ": expected a non-empty JSON array of instances, or {\"instances\": [...]}",
                usage(Optional.of(f)));
    }

    @Test
    void anUnreadableOrNonJsonFileIsRefusedNamingIt() throws IOException {
        Path f = file("[{");
        assertEquals("--instances " + f + ": not JSON", usage(Optional.of(f)));
        assertEquals("--instances no/such.json: cannot read (NoSuchFileException)", usage(Optional.of(Path.of("no/such.json"))));
    }
}
