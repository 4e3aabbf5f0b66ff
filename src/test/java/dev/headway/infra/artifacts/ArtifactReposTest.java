package dev.headway.infra.artifacts;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArtifactReposTest {
    static final String REPO = "gcp:artifactregistry/repository:Repository";
    static final String MEMBER = "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember";
    static Plan dev;
    static Plan prod;

    /** Per run of the class, not per class load: under mutation testing each mutant gets its own plans. */
    @BeforeAll
    static void synth() {
        dev = Synth.stack("dev");
        prod = Synth.stack("prod");
    }

    @Test
    void threeRepositoriesWithTheirFormatsInTheRegion() {
        assertEquals("DOCKER", dev.get(REPO, "hw-dev-training").input("format").asText());
        assertEquals("DOCKER", dev.get(REPO, "hw-dev-serving").input("format").asText());
        PlannedResource kfp = dev.get(REPO, "hw-dev-pipelines");
        assertEquals("KFP", kfp.input("format").asText());
        assertTrue(kfp.input("dockerConfig").isMissingNode(), "docker config only on docker repositories");
        for (PlannedResource r : dev.ofType(REPO)) {
            assertEquals("us-east1", r.input("location").asText());
            assertEquals("headway-dev", r.input("project").asText());
            assertEquals(r.name(), r.input("repositoryId").asText());
            assertEquals("artifacts", r.input("labels.component").asText());
            assertEquals("pulumi", r.input("labels.managed-by").asText());
            assertTrue(r.dependsOn().stream().anyMatch(u -> u.endsWith("::api-artifactregistry")), r.name());
        }
    }

    @Test
    void cleanupPoliciesComeFromConfig() {
        PlannedResource devRepo = dev.get(REPO, "hw-dev-serving");
        assertEquals("KEEP", devRepo.input("cleanupPolicies[0].action").asText());
        assertEquals(5, devRepo.input("cleanupPolicies[0].mostRecentVersions.keepCount").asInt());
        assertEquals("DELETE", devRepo.input("cleanupPolicies[1].action").asText());
        assertEquals("UNTAGGED", devRepo.input("cleanupPolicies[1].condition.tagState").asText());
        assertEquals("604800s", devRepo.input("cleanupPolicies[1].condition.olderThan").asText());
        assertFalse(devRepo.input("cleanupPolicyDryRun").asBoolean(true));

        PlannedResource prodRepo = prod.get(REPO, "hw-prod-pipelines");
        assertEquals(20, prodRepo.input("cleanupPolicies[0].mostRecentVersions.keepCount").asInt());
        assertEquals("2592000s", prodRepo.input("cleanupPolicies[1].condition.olderThan").asText());
    }

    @Test
    void dockerTagsAreImmutableInProdOnly() {
        assertTrue(prod.get(REPO, "hw-prod-training").input("dockerConfig.immutableTags").asBoolean());
        assertTrue(prod.get(REPO, "hw-prod-serving").input("dockerConfig.immutableTags").asBoolean());
        assertFalse(dev.get(REPO, "hw-dev-training").input("dockerConfig.immutableTags").asBoolean(true));
    }

    @Test
    void readersPerRepositoryAtRepositoryScope() {
        // the Dataflow worker account pulls the Flex Template image, which lives in `training` (issue 13)
        assertEquals(Set.of("training", "pipelines", "poller", "dataflow"), readers(dev, "hw-dev-training"));
        assertEquals(Set.of("serving"), readers(dev, "hw-dev-serving"));
        assertEquals(Set.of("pipelines"), readers(dev, "hw-dev-pipelines"));
        // prod runs the batch worker, whose image lives in `training`
        assertEquals(Set.of("training", "pipelines", "poller", "batch", "dataflow"), readers(prod, "hw-prod-training"));
        PlannedResource grant = dev.get(MEMBER, "hw-dev-serving-read-serving");
        assertEquals("serviceAccount:hw-dev-serving@headway-dev.iam.gserviceaccount.com", grant.input("member").asText());
        assertEquals("us-east1", grant.input("location").asText());
        assertEquals("headway-dev", grant.input("project").asText());
        assertTrue(grant.propertyDependencies().get("repository").stream().anyMatch(u -> u.endsWith("::hw-dev-serving")));
    }

    @Test
    void onlyTheDeployerWrites() {
        List<PlannedResource> writers = dev.where(r -> r.type().equals(MEMBER)
                && r.input("role").asText().equals(ArtifactRepos.WRITER));
        assertEquals(3, writers.size());
        assertTrue(writers.stream().allMatch(r -> r.input("member").asText().startsWith("serviceAccount:hw-dev-deployer@")));
        assertTrue(dev.ofType(MEMBER).stream().allMatch(r -> r.input("role").asText().startsWith("roles/artifactregistry.")));
    }

    @Test
    void urlsAreExported() {
        assertEquals("us-east1-docker.pkg.dev/headway-dev/hw-dev-training", dev.outputs().get("trainingImageRepo").asText());
        assertEquals("us-east1-docker.pkg.dev/headway-dev/hw-dev-serving", dev.outputs().get("servingImageRepo").asText());
        assertEquals("https://us-east1-kfp.pkg.dev/headway-prod/hw-prod-pipelines", prod.outputs().get("pipelineTemplateRepo").asText());
    }

    private static Set<String> readers(Plan plan, String repo) {
        return plan.ofType(MEMBER).stream()
                .filter(r -> r.input("role").asText().equals(ArtifactRepos.READER))
                .filter(r -> r.propertyDependencies().get("repository").stream().anyMatch(u -> u.endsWith("::" + repo)))
                .map(r -> r.input("member").asText().replaceAll("serviceAccount:hw-(dev|prod)-([a-z]+)@.*", "$2"))
                .collect(Collectors.toSet());
    }
}
