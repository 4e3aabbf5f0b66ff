package dev.headway.infra.hooks.kfp;

import com.google.protobuf.Value;

import java.util.Map;

/**
 * The values a pipeline job runs with: typed parameter values and artifact ids, each keyed by the root
 * input's name, sorted; {@code sources} says where each came from (param, artifact, output:NAME, default).
 */
public record ResolvedInputs(Map<String, Value> parameters, Map<String, String> artifacts, Map<String, String> sources) {
}
