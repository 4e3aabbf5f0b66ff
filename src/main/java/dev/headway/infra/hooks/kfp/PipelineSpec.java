package dev.headway.infra.hooks.kfp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.protobuf.Struct;
import dev.headway.infra.UserError;
import dev.headway.infra.config.Documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled KFP v2 pipeline spec (the pipeline IR the KFP compiler writes, YAML or JSON): its name, its
 * typed root input parameters and artifacts, and the whole document for {@code PipelineJob.pipelineSpec}.
 */
public final class PipelineSpec {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final ObjectMapper YAML = new YAMLMapper();

    private final String where;
    private final JsonNode document;
    private final String name;
    private final Map<String, ParameterDef> parameters;
    private final Map<String, ArtifactDef> artifacts;

    private PipelineSpec(String where, JsonNode document, String name, Map<String, ParameterDef> parameters,
                         Map<String, ArtifactDef> artifacts) {
        this.where = where;
        this.document = document;
        this.name = name;
        this.parameters = Collections.unmodifiableMap(parameters);
        this.artifacts = Collections.unmodifiableMap(artifacts);
    }

    /** Reads a spec file; an unreadable or malformed file is a usage error naming it. */
    public static PipelineSpec read(Path file) {
        String text;
        try {
            text = Documents.read(file);
        } catch (Documents.Malformed e) {
            throw new UserError(UserError.USAGE, "template " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /** Parses a spec from text (JSON when it starts with '{', YAML otherwise): one document, bounded depth, no aliases. */
    public static PipelineSpec parse(String where, String text) {
        JsonNode doc;
        try {
            doc = text.stripLeading().startsWith("{") ? Documents.json(text) : Documents.yaml(text);
        } catch (Documents.Malformed e) {
            throw new UserError(UserError.USAGE, "template " + where + ": " + e.getMessage());
        }
        if (doc == null || !doc.isObject() || !doc.path("root").isObject() || !doc.path("pipelineInfo").path("name").isTextual()) {
            throw new UserError(UserError.USAGE, "template " + where
                    + ": not a compiled KFP v2 pipeline spec (expected pipelineInfo.name and root)");
        }
        JsonNode inputs = doc.path("root").path("inputDefinitions");
        Map<String, ParameterDef> params = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> p : inputs.path("parameters").properties()) {
            JsonNode def = p.getValue();
            String typeName = def.path("parameterType").asText("");
            ParameterType type = ParameterType.named(typeName);
            if (type == null) {
                throw new UserError(UserError.USAGE, "template " + where + ": parameter " + p.getKey()
                        + " has parameterType \"" + typeName + "\"; expected one of STRING, NUMBER_INTEGER, NUMBER_DOUBLE, BOOLEAN, LIST, STRUCT");
            }
            JsonNode dflt = def.get("defaultValue");
            params.put(p.getKey(), new ParameterDef(p.getKey(), type,
                    dflt == null || dflt.isNull() ? Optional.empty() : Optional.of(dflt),
                    def.path("isOptional").asBoolean(false)));
        }
        Map<String, ArtifactDef> arts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> a : inputs.path("artifacts").properties()) {
            JsonNode def = a.getValue();
            arts.put(a.getKey(), new ArtifactDef(a.getKey(),
                    nonBlank(def.path("artifactType").path("schemaTitle").asText(""), ArtifactDef.DEFAULT_SCHEMA_TITLE),
                    nonBlank(def.path("artifactType").path("schemaVersion").asText(""), ArtifactDef.DEFAULT_SCHEMA_VERSION),
                    def.path("isOptional").asBoolean(false)));
        }
        return new PipelineSpec(where, doc, doc.path("pipelineInfo").path("name").asText(), params, arts);
    }

    private static String nonBlank(String s, String otherwise) {
        return s.isBlank() ? otherwise : s;
    }

    public String where() {
        return where;
    }

    /** {@code pipelineInfo.name}. */
    public String name() {
        return name;
    }

    /** Root input parameters by name, in spec order. */
    public Map<String, ParameterDef> parameters() {
        return parameters;
    }

    /** Root input artifacts by name, in spec order. */
    public Map<String, ArtifactDef> artifacts() {
        return artifacts;
    }

    /** The whole spec as the protobuf Struct that {@code PipelineJob.pipelineSpec} holds. */
    public Struct toStruct() {
        return ParameterType.toStruct(document);
    }

    /** The spec as canonical JSON (keys sorted): the spec's part of a deterministic job id. */
    public String canonicalJson() {
        try {
            return JSON.writeValueAsString(JSON.treeToValue(document, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
