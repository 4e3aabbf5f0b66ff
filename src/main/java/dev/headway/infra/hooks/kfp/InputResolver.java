package dev.headway.infra.hooks.kfp;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Value;
import dev.headway.infra.UserError;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a spec's root inputs, first match wins: {@code --param NAME=VALUE} / {@code --artifact NAME=VALUE}, then
 * the config map of input name to stack output name, then the spec's defaults. A value for an unknown
 * name, a value that does not parse as its type, or a required input left without a value is a usage
 * error (exit 2) naming the input.
 */
public final class InputResolver {
    private static final Pattern ARTIFACT_NAME = Pattern.compile("projects/([^/]+)/locations/([^/]+)/metadataStores/([^/]+)/artifacts/([^/]+)");
    private static final Pattern ARTIFACT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");
    /** A URI scheme (RFC 3986) followed by {@code ://} and at least one character. */
    private static final Pattern URI = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://(\\S+)");

    private InputResolver() {
    }

    /**
     * @param params    {@code --param} values, as typed on the command line
     * @param artifacts {@code --artifact} values: a URI (registered under a derived id, see {@link UriArtifact}),
     *                  or a Vertex ML Metadata artifact id or full artifact resource name in the job's project/location
     * @param fromOutputs input name to stack output name; entries naming no input of this spec are ignored
     * @param outputs   stack output by name (JSON as {@code pulumi stack output --json} prints it); null when absent
     * @param project   the job's project: an artifact resource name must be in its default metadata store
     * @param location  the job's region, likewise
     */
    public static ResolvedInputs resolve(PipelineSpec spec, Map<String, String> params, Map<String, String> artifacts,
                                         Map<String, String> fromOutputs, Function<String, JsonNode> outputs,
                                         String project, String location) {
        for (String name : params.keySet()) {
            if (!spec.parameters().containsKey(name)) {
                throw new UserError(UserError.USAGE, "--param " + name + ": pipeline " + spec.name()
                        + " has no such parameter (it has: " + orNone(spec.parameters().keySet()) + ")");
            }
        }
        for (String name : artifacts.keySet()) {
            if (!spec.artifacts().containsKey(name)) {
                throw new UserError(UserError.USAGE, "--artifact " + name + ": pipeline " + spec.name()
                        + " has no such input artifact (it has: " + orNone(spec.artifacts().keySet()) + ")");
            }
        }
        Map<String, Value> values = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        for (ParameterDef p : spec.parameters().values()) {
            String output = fromOutputs.get(p.name());
            JsonNode outputValue = output == null ? null : outputs.apply(output);
            try {
                if (params.containsKey(p.name())) {
                    values.put(p.name(), p.type().parse(params.get(p.name())));
                    sources.put(p.name(), "param");
                } else if (outputValue != null && !outputValue.isNull()) {
                    values.put(p.name(), p.type().fromJson(outputValue));
                    sources.put(p.name(), "output:" + output);
                } else if (p.defaultValue().isPresent()) {
                    values.put(p.name(), p.type().fromJson(p.defaultValue().get()));
                    sources.put(p.name(), "default");
                } else if (!p.optional()) {
                    throw new UserError(UserError.USAGE, "parameter " + p.name() + " (" + p.type()
                            + ") of pipeline " + spec.name() + " is required: pass --param " + p.name() + "=VALUE"
                            + (output != null ? " (stack output " + output + " is not set)" : ""));
                }
            } catch (IllegalArgumentException e) {
                throw new UserError(UserError.USAGE, "parameter " + p.name() + " (" + p.type() + "): " + e.getMessage());
            }
        }
        Map<String, String> artifactIds = new TreeMap<>();
        Map<String, UriArtifact> toRegister = new TreeMap<>();
        for (ArtifactDef a : spec.artifacts().values()) {
            String output = fromOutputs.get(a.name());
            JsonNode outputValue = output == null ? null : outputs.apply(output);
            String raw;
            if (artifacts.containsKey(a.name())) {
                raw = artifacts.get(a.name());
                sources.put(a.name(), "artifact");
            } else if (outputValue != null && outputValue.isTextual()) {
                raw = outputValue.textValue();
                sources.put(a.name(), "output:" + output);
            } else if (a.optional()) {
                continue;
            } else {
                throw new UserError(UserError.USAGE, "input artifact " + a.name() + " (" + a.schemaTitle()
                        + ") of pipeline " + spec.name() + " is required: pass --artifact " + a.name() + "=ARTIFACT");
            }
            Matcher uri = URI.matcher(raw);
            if (uri.matches()) {
                UriArtifact u = new UriArtifact(a.name(), raw, a.schemaTitle(), a.schemaVersion(),
                        UriArtifact.idFor(raw, a.schemaTitle()));
                toRegister.put(a.name(), u);
                artifactIds.put(a.name(), u.artifactId());
            } else {
                artifactIds.put(a.name(), artifactId(a, raw, project, location));
            }
        }
        return new ResolvedInputs(values, artifactIds, sources, toRegister);
    }

    /**
     * A value without a URI scheme: the artifact id, or the full resource name of an artifact in the default
     * metadata store of the job's project and location (Vertex requires the input artifact to be there).
     */
    static String artifactId(ArtifactDef a, String raw, String project, String location) {
        String expected = "a URI (gs://, https://, bq://...), a Vertex ML Metadata artifact id ([a-z0-9][a-z0-9-]{0,127}) or "
                + "projects/" + project + "/locations/" + location + "/metadataStores/default/artifacts/ID";
        Matcher m = ARTIFACT_NAME.matcher(raw);
        if (m.matches()) {
            if (m.group(1).equals(project) && m.group(2).equals(location) && m.group(3).equals("default")
                    && ARTIFACT_ID.matcher(m.group(4)).matches()) {
                return m.group(4);
            }
            throw new UserError(UserError.USAGE, "input artifact " + a.name() + ": expected " + expected
                    + " (the job's project, location and default metadata store), found \"" + raw + "\"");
        }
        if (ARTIFACT_ID.matcher(raw).matches()) {
            return raw;
        }
        throw new UserError(UserError.USAGE, "input artifact " + a.name() + ": expected " + expected
                + ", found \"" + raw.lines().findFirst().orElse("") + "\"");
    }

    private static String orNone(java.util.Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
