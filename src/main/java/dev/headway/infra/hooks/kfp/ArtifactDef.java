package dev.headway.infra.hooks.kfp;

/**
 * One root input artifact of a KFP v2 spec: name, schema title and version from its {@code artifactType}
 * (such as system.Dataset / 0.0.1; absent: system.Artifact / 0.0.1), optional.
 */
public record ArtifactDef(String name, String schemaTitle, String schemaVersion, boolean optional) {
    public static final String DEFAULT_SCHEMA_TITLE = "system.Artifact";
    public static final String DEFAULT_SCHEMA_VERSION = "0.0.1";
}
