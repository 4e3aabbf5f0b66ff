package dev.headway.infra.hooks.kfp;

/** One root input artifact of a KFP v2 spec: name, schema title (such as system.Dataset), optional. */
public record ArtifactDef(String name, String schemaTitle, boolean optional) {
}
