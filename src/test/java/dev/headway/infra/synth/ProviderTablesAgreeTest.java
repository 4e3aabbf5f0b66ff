package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two tables record what a change of an input does, both read from the same provider sources
 * (terraform-provider-google-beta v5.0.0 schemas, pulumi-kubernetes 4.0.0): the diff's replacement facts
 * ({@code replace/force-new.json}) and the day-two lifecycle table ({@code lifecycle/google-beta-5.0.0.json}).
 * Wherever both name an input they must agree: ForceNew exactly where the lifecycle table says {@code replace}.
 */
class ProviderTablesAgreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void forceNewInTheDiffIsReplaceInTheLifecycleTable() throws IOException {
        JsonNode forceNew = JSON.readTree(Path.of("src/main/resources/replace/force-new.json").toFile()).path("types");
        Map<String, String> onChange = new HashMap<>();
        for (JsonNode row : JSON.readTree(Path.of("src/main/resources/lifecycle/google-beta-5.0.0.json").toFile()).path("inputs")) {
            onChange.put(row.path("type").asText() + " " + row.path("input").asText(), row.path("onChange").asText());
        }
        List<String> disagree = new ArrayList<>();
        int compared = 0;
        for (Map.Entry<String, JsonNode> type : fields(forceNew)) {
            for (String list : List.of("forceNew", "inPlace")) {
                for (JsonNode input : type.getValue().path(list)) {
                    String change = onChange.get(type.getKey() + " " + input.asText());
                    if (change == null) {
                        continue;
                    }
                    compared++;
                    if (list.equals("forceNew") != change.equals("replace")) {
                        disagree.add(type.getKey() + " " + input.asText() + ": " + list + " in force-new.json, " + change + " in the lifecycle table");
                    }
                }
            }
        }
        assertTrue(compared > 200, "inputs both tables name: " + compared);
        assertEquals(List.of(), disagree);
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode types) {
        return types::fields;
    }
}
