package dev.headway.infra.hooks.kfp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A root input artifact given as a URI ({@code gs://}, {@code https://}, {@code bq://}...): Vertex's
 * {@code RuntimeConfig.InputArtifact} takes only an ML Metadata artifact id, so the URI is registered in the
 * default metadata store under {@link #artifactId}, derived from (uri, schemaTitle) so that a rerun finds it.
 *
 * @param name          the root input's name (the artifact's display name)
 * @param artifactId    {@link #idFor}: lower-case, {@code [a-z0-9][a-z0-9-]{0,127}} as Vertex requires
 */
public record UriArtifact(String name, String uri, String schemaTitle, String schemaVersion, String artifactId) {

    /**
     * {@code <schema>-<hash>}: the schema title's last part ({@code system.Dataset} gives {@code dataset}),
     * then the first 32 hex digits of SHA-256 over schema title and URI.
     */
    public static String idFor(String uri, String schemaTitle) {
        String shortName = schemaTitle.substring(schemaTitle.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (shortName.isEmpty()) {
            shortName = "artifact";
        }
        if (shortName.length() > 40) {
            shortName = shortName.substring(0, 40).replaceAll("-+$", "");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((schemaTitle + "\n" + uri).getBytes(StandardCharsets.UTF_8));
            return shortName + "-" + HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
