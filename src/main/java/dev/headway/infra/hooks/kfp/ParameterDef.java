package dev.headway.infra.hooks.kfp;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/** One root input parameter of a KFP v2 spec: name, type, default (as written in the spec), optional. */
public record ParameterDef(String name, ParameterType type, Optional<JsonNode> defaultValue, boolean optional) {
}
