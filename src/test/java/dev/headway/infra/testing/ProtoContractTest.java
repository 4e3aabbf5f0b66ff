package dev.headway.infra.testing;

import com.google.api.FieldBehavior;
import com.google.cloud.aiplatform.v1.Artifact;
import com.google.cloud.aiplatform.v1.CreateArtifactRequest;
import com.google.cloud.aiplatform.v1.CreatePipelineJobRequest;
import com.google.cloud.aiplatform.v1.Endpoint;
import com.google.cloud.aiplatform.v1.GetEndpointRequest;
import com.google.cloud.aiplatform.v1.PipelineJob;
import com.google.cloud.aiplatform.v1.PipelineState;
import com.google.cloud.aiplatform.v1.UpdateEndpointRequest;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fakes refuse what Vertex AI refuses, read from the aiplatform v1 protos in the client jar. */
class ProtoContractTest {
    private static final String PARENT = "projects/headway-dev/locations/us-east1";
    private static final String ENDPOINT = PARENT + "/endpoints/1234";

    private static String refusal(Executable call) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        return e.getStatus().getDescription();
    }

    private static PipelineJob.Builder job() {
        return PipelineJob.newBuilder().setDisplayName("two-step");
    }

    @Test
    void requiredFieldsMustBeSet() {
        // create_pipeline_job: parent and pipeline_job are REQUIRED (google/cloud/aiplatform/v1/pipeline_service.proto)
        assertEquals("parent is required", refusal(() -> ProtoContract.check(CreatePipelineJobRequest.newBuilder().setPipelineJob(job()).build())));
        assertEquals("name is required", refusal(() -> ProtoContract.check(GetEndpointRequest.getDefaultInstance())));
        assertDoesNotThrow(() -> ProtoContract.check(CreatePipelineJobRequest.newBuilder().setParent(PARENT).setPipelineJob(job()).build()));
    }

    @Test
    void outputOnlyFieldsAreNotSentOnCreate() {
        // PipelineJob.state and create_time are OUTPUT_ONLY (google/cloud/aiplatform/v1/pipeline_job.proto)
        String why = refusal(() -> ProtoContract.check(CreatePipelineJobRequest.newBuilder().setParent(PARENT)
                .setPipelineJob(job().setState(PipelineState.PIPELINE_STATE_RUNNING)).build()));
        assertEquals("pipeline_job.state is output only", why);
    }

    @Test
    void resourceNamesFollowTheirTypesPatterns() {
        assertEquals(java.util.List.of("projects/{project}/locations/{location}/endpoints/{endpoint}",
                        "projects/{project}/locations/{location}/publishers/{publisher}/models/{model}"),
                ProtoContract.patterns(GetEndpointRequest.getDescriptor().getFile(), "aiplatform.googleapis.com/Endpoint"));
        String why = refusal(() -> ProtoContract.check(GetEndpointRequest.newBuilder().setName("projects/headway-dev/endpoints/1234").build()));
        assertTrue(why.startsWith("name \"projects/headway-dev/endpoints/1234\" is not a aiplatform.googleapis.com/Endpoint name"), why);
        assertDoesNotThrow(() -> ProtoContract.check(GetEndpointRequest.newBuilder().setName(ENDPOINT).build()));
        // CreateArtifact's parent references a MetadataStore (google/cloud/aiplatform/v1/metadata_service.proto)
        String parent = refusal(() -> ProtoContract.check(CreateArtifactRequest.newBuilder().setParent(PARENT)
                .setArtifact(Artifact.newBuilder().setUri("gs://b/o")).build()));
        assertTrue(parent.startsWith("parent \"" + PARENT + "\" is not a aiplatform.googleapis.com/MetadataStore name"), parent);
        assertDoesNotThrow(() -> ProtoContract.check(CreateArtifactRequest.newBuilder().setParent(PARENT + "/metadataStores/default")
                .setArtifact(Artifact.newBuilder().setUri("gs://b/o")).build()));
    }

    @Test
    void anUpdateMaskNamesNeitherImmutableNorOutputOnlyFields() {
        // DeployedModel.id is IMMUTABLE (google/cloud/aiplatform/v1/endpoint.proto)
        FieldDescriptor immutable = Endpoint.getDescriptor().findFieldByName("deployed_models").getMessageType().findFieldByName("id");
        assertTrue(ProtoContract.behaviors(immutable).contains(FieldBehavior.IMMUTABLE));
        Endpoint endpoint = Endpoint.newBuilder().setName(ENDPOINT).build();
        String why = refusal(() -> ProtoContract.checkUpdate(UpdateEndpointRequest.newBuilder().setEndpoint(endpoint)
                .setUpdateMask(FieldMask.newBuilder().addPaths("deployed_models.id")).build(), "endpoint",
                FieldMask.newBuilder().addPaths("deployed_models.id").build()));
        assertEquals("update_mask: deployed_models.id is immutable", why);
        FieldMask createTime = FieldMask.newBuilder().addPaths("create_time").build();
        assertEquals("update_mask: create_time is output only", refusal(() -> ProtoContract.checkUpdate(
                UpdateEndpointRequest.newBuilder().setEndpoint(endpoint).setUpdateMask(createTime).build(), "endpoint", createTime)));
        FieldMask logging = FieldMask.newBuilder().addPaths("predict_request_response_logging_config").build();
        assertDoesNotThrow(() -> ProtoContract.checkUpdate(UpdateEndpointRequest.newBuilder().setEndpoint(endpoint)
                .setUpdateMask(logging).build(), "endpoint", logging));
    }

    /** Vertex checks runtime values against the spec's parameter types: an integer sent as a string is refused. */
    @Test
    void parameterValuesMustHaveTheSpecsTypes() throws Exception {
        Struct.Builder spec = Struct.newBuilder();
        JsonFormat.parser().merge("{\"root\": {\"inputDefinitions\": {\"parameters\": {"
                + "\"epochs\": {\"parameterType\": \"NUMBER_INTEGER\"},"
                + "\"text\": {\"parameterType\": \"STRING\", \"defaultValue\": \"hi\"}}}}}", spec);
        PipelineJob.Builder job = job().setPipelineSpec(spec);
        String asString = refusal(() -> FakeVertex.checkParameters(job.clone().setRuntimeConfig(PipelineJob.RuntimeConfig.newBuilder()
                .putParameterValues("epochs", Value.newBuilder().setStringValue("3").build())).build()));
        assertEquals("parameter epochs: a NUMBER_INTEGER was expected, got STRING_VALUE", asString);
        refusal(() -> FakeVertex.checkParameters(job.clone().setRuntimeConfig(PipelineJob.RuntimeConfig.newBuilder()
                .putParameterValues("epochs", Value.newBuilder().setNumberValue(2.5).build())).build()));
        assertEquals("parameter epochs has no value and no default", refusal(() -> FakeVertex.checkParameters(job.clone().build())));
        assertEquals("parameter epoch is not an input of the pipeline", refusal(() -> FakeVertex.checkParameters(job.clone()
                .setRuntimeConfig(PipelineJob.RuntimeConfig.newBuilder()
                        .putParameterValues("epoch", Value.newBuilder().setNumberValue(3).build())).build())));
        assertDoesNotThrow(() -> FakeVertex.checkParameters(job.clone().setRuntimeConfig(PipelineJob.RuntimeConfig.newBuilder()
                .putParameterValues("epochs", Value.newBuilder().setNumberValue(3).build())).build()));
        assertFalse(spec.getFieldsMap().isEmpty());
    }
}
