package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.config.ConfigFile;
import dev.headway.infra.config.RawConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A secret config value read in the clear by mistake never reaches a plan: every string holding it is masked. */
class SecretMaskTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Plan plan(JsonNode inputs, String provider) {
        PlannedResource r = new PlannedResource("urn:pulumi:dev::headway::gcp:storage/bucket:Bucket::b",
                "gcp:storage/bucket:Bucket", "b", "", true, List.of(), Map.of(), false, false, inputs, provider);
        return new Plan("dev", "headway", List.of(r), Map.of("leak", json("{\"url\": \"https://x?token=hunter22\"}")));
    }

    private static SecretMask maskOf(String secret) {
        return SecretMask.of(new RawConfig(Map.of("headway:token", secret, "headway:zone", "us-east1-b"), Set.of("headway:token")));
    }

    @Test
    void aSecretIsMaskedWhereverItSitsInInputsAndOutputs() {
        Plan masked = maskOf("hunter22").apply(plan(json(
                "{\"labels\": {\"t\": \"token hunter22\"}, \"args\": [\"--x\", \"hunter22\", 3], \"size\": 10, \"zone\": \"us-east1-b\"}"), ""));
        assertEquals(json("{\"labels\": {\"t\": \"[secret]\"}, \"args\": [\"--x\", \"[secret]\", 3], \"size\": 10, \"zone\": \"us-east1-b\"}"),
                masked.resources().get(0).inputs());
        assertEquals(json("{\"url\": \"[secret]\"}"), masked.outputs().get("leak"));
    }

    @Test
    void maskingKeepsTheResourcesExplicitProvider() {
        String provider = "urn:pulumi:dev::headway::pulumi:providers:kubernetes::k8s::id-1";
        assertEquals(provider, maskOf("hunter22").apply(plan(json("{}"), provider)).resources().get(0).provider());
    }

    @Test
    void valuesTooShortToBeSecretOrThePlaceholderMaskNothing() {
        // a 3-character value would mask every string that happens to contain it; 4 is the shortest masked
        JsonNode inputs = json("{\"a\": \"abc-def\", \"b\": \"[secret] note\"}");
        assertEquals(inputs, maskOf("abc").apply(plan(inputs, "")).resources().get(0).inputs());
        assertEquals(inputs, maskOf(ConfigFile.SECRET_PLACEHOLDER).apply(plan(inputs, "")).resources().get(0).inputs());
        assertEquals(json("{\"a\": \"[secret]\", \"b\": \"[secret] note\"}"),
                maskOf("abc-").apply(plan(inputs, "")).resources().get(0).inputs());
    }
}
