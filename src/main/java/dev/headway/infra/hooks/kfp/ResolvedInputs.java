package dev.headway.infra.hooks.kfp;

import com.google.protobuf.Value;

import java.util.Map;

/**
 * The values a pipeline job runs with: typed parameter values and ML Metadata artifact ids, each keyed by the
 * root input's name, sorted; {@code sources} says where each came from (param, artifact, output:NAME, default);
 * {@code toRegister} holds the artifacts given as URIs, which must be registered under their ids first.
 */
public record ResolvedInputs(Map<String, Value> parameters, Map<String, String> artifacts, Map<String, String> sources,
                             Map<String, UriArtifact> toRegister) {
}
