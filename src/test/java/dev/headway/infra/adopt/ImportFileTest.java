package dev.headway.infra.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import file, read by the CLI's own rules ({@link ImportFileCheck}), gives every imported resource exactly
 * the URN the program registers, so {@code pulumi up} after the import sees them as its own.
 */
class ImportFileTest {
    /** A project where everything the plan imports by name exists under that name (server ids made up). */
    static Discovery everything(Plan plan) {
        return new Discovery() {
            @Override
            public Optional<Map<String, String>> list(String type) {
                ImportIds.Rule rule = ImportIds.get().rule(type).orElseThrow();
                Map<String, String> out = new TreeMap<>();
                for (PlannedResource r : plan.ofType(type)) {
                    String key = r.input(rule.serverKey() != null ? rule.serverKey() : rule.nameInput()).asText();
                    out.put(key, rule.id().equals("{@server}") ? "projects/" + plan.project() + "/x/" + out.size() : "9" + out.size());
                }
                return Optional.of(out);
            }

            @Override
            public Set<String> types() {
                return ImportIds.get().rules().keySet();
            }
        };
    }

    @Test
    void everyImportedResourceGetsThePlansUrn() throws Exception {
        for (String stack : List.of("dev", "prod")) {
            Plan plan = ImportIdsTest.committed(stack);
            Adoption a = Adoption.of(plan, Map.of(), everything(plan), ImportIds.get());
            String json = ImportFile.write(a);
            ImportFileCheck.Result r = ImportFileCheck.check(json, stack, "headway");
            assertEquals(List.of(), r.errors(), stack);
            JsonNode file = new ObjectMapper().readTree(json);
            Map<String, String> urnByName = r.urns();
            Set<String> imported = a.with(Adoption.Status.IMPORT).stream().map(e -> e.resource().urn()).collect(Collectors.toSet());
            assertTrue(imported.size() > 20, stack + " imports " + imported.size());
            int withId = 0;
            for (JsonNode spec : file.path("resources")) {
                String urn = urnByName.get(spec.path("name").asText());
                PlannedResource planned = plan.byUrn(urn).orElseThrow(() -> new AssertionError("the CLI would make " + urn + ", which the program does not declare"));
                assertEquals(planned.type(), spec.path("type").asText());
                if (spec.has("id")) {
                    withId++;
                    assertTrue(imported.contains(urn), urn);
                } else {
                    assertFalse(planned.custom(), "only components go without an id: " + urn);
                }
            }
            assertEquals(imported.size(), withId, stack + ": every imported resource once");
        }
    }

    @Test
    void theCheckRefusesWhatTheCliRefuses() throws Exception {
        assertTrue(ImportFileCheck.check("{\"resources\":[{\"type\":\"gcp:pubsub/topic:Topic\",\"name\":\"t\"}]}", "dev", "headway")
                .errors().contains("t has no ID"));
        assertTrue(ImportFileCheck.check("{\"resources\":[{\"type\":\"headway:x:Y\",\"name\":\"c\",\"component\":true,\"id\":\"1\"}]}", "dev", "headway")
                .errors().get(0).contains("marked as a component"));
        assertTrue(ImportFileCheck.check("{\"resources\":[{\"type\":\"gcp:pubsub/topic:Topic\",\"name\":\"t\",\"id\":\"1\",\"parent\":\"p\"}]}", "dev", "headway")
                .errors().get(0).contains("has no entry in 'nameTable'"));
        assertTrue(ImportFileCheck.check("{\"resources\":[{\"type\":\"gcp:pubsub/topic:Topic\",\"name\":\"t\",\"id\":\"1\",\"parnt\":\"p\"}]}", "dev", "headway")
                .errors().get(0).contains("unknown field parnt"));
    }

    @Test
    void componentsChainFromTheStackSoNestedResourcesKeepTheirUrn() throws Exception {
        Plan plan = ImportIdsTest.committed("prod");
        Adoption a = Adoption.of(plan, Map.of(), everything(plan), ImportIds.get());
        ImportFileCheck.Result r = ImportFileCheck.check(ImportFile.write(a), "prod", "headway");
        // the quota override sits two components deep: Stack > TrainingPool > VertexGpuQuota
        assertTrue(r.urns().containsValue("urn:pulumi:prod::headway::pulumi:pulumi:Stack$headway:training:TrainingPool$headway:training:VertexGpuQuota"
                + "$gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride::training-vertex-gpu-quota-override"), r.urns().toString());
    }
}
