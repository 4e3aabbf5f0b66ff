package dev.headway.infra.hooks;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.aiplatform.v1.Artifact;
import com.google.cloud.aiplatform.v1.ArtifactName;
import com.google.cloud.aiplatform.v1.CreateArtifactRequest;
import com.google.cloud.aiplatform.v1.MetadataServiceClient;
import com.google.cloud.aiplatform.v1.MetadataServiceSettings;
import com.google.cloud.aiplatform.v1.MetadataStoreName;
import dev.headway.infra.UserError;
import dev.headway.infra.hooks.kfp.UriArtifact;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Registers the pipeline's URI input artifacts in Vertex ML Metadata (the {@code default} store of the job's
 * project and region) under their derived ids, so that {@code RuntimeConfig.inputArtifacts} can name them.
 * ALREADY_EXISTS is a rerun (or a retried create whose answer was lost): the artifact is read back and reused
 * when it holds the same URI and schema; anything else under that id is a conflict, reported, never overwritten.
 */
public final class MetadataArtifacts {
    /** The default store already holds a different artifact under a derived id. */
    public static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    private MetadataArtifacts() {
    }

    /** One CreateArtifact request per URI artifact, in input-name order. */
    public static List<CreateArtifactRequest> requests(Collection<UriArtifact> artifacts, String project, String region) {
        String store = MetadataStoreName.of(project, region, "default").toString();
        List<CreateArtifactRequest> requests = new ArrayList<>();
        for (UriArtifact a : artifacts) {
            requests.add(CreateArtifactRequest.newBuilder()
                    .setParent(store)
                    .setArtifactId(a.artifactId())
                    .setArtifact(Artifact.newBuilder()
                            .setDisplayName(a.name())
                            .setUri(a.uri())
                            .setSchemaTitle(a.schemaTitle())
                            .setSchemaVersion(a.schemaVersion())
                            .setState(Artifact.State.LIVE))
                    .build());
        }
        return requests;
    }

    /**
     * Sends the requests; returns one {@code NAME=ID (registered|reused)} note per artifact.
     * @throws Conflict when an id is taken by an artifact with another URI or schema
     */
    public static List<String> register(GoogleClients g, List<CreateArtifactRequest> requests) {
        List<String> notes = new ArrayList<>();
        if (requests.isEmpty()) {
            return notes;
        }
        try (MetadataServiceClient client = MetadataServiceClient.create(settings(g))) {
            for (CreateArtifactRequest req : requests) {
                String verb;
                try {
                    client.createArtifact(req);
                    verb = "registered";
                } catch (AlreadyExistsException e) {
                    String name = req.getParent() + "/artifacts/" + req.getArtifactId();
                    Artifact existing = client.getArtifact(ArtifactName.parse(name).toString());
                    if (!existing.getUri().equals(req.getArtifact().getUri())
                            || !existing.getSchemaTitle().equals(req.getArtifact().getSchemaTitle())) {
                        throw new Conflict("artifact " + name + " already holds " + existing.getSchemaTitle() + " "
                                + existing.getUri() + ", not " + req.getArtifact().getSchemaTitle() + " " + req.getArtifact().getUri());
                    }
                    verb = "reused";
                }
                notes.add(req.getArtifact().getDisplayName() + "=" + req.getArtifactId() + " (" + verb + ")");
            }
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, "cannot create the Vertex AI metadata client for " + g.endpoint() + ": " + e.getMessage());
        }
        return notes;
    }

    static MetadataServiceSettings settings(GoogleClients g) throws IOException {
        MetadataServiceSettings.Builder b = MetadataServiceSettings.newBuilder()
                .setEndpoint(g.endpoint())
                .setTransportChannelProvider(g.channel())
                .setCredentialsProvider(g.credentials());
        g.retry(b.createArtifactSettings());
        g.retry(b.getArtifactSettings());
        return b.build();
    }
}
