package dev.headway.infra.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one way user-supplied files are read (stack files, KFP specs, stack outputs, instances): at
 * most {@link #MAX_BYTES} bytes, at most {@link #MAX_DEPTH} levels deep, exactly one document, and
 * no YAML aliases (Jackson's tree reader turns {@code *name} into the text "name" instead of the
 * anchored value, so an alias is refused rather than half resolved). Without the bounds,
 * {@code /dev/zero} filled the heap and a 900-deep JSON array overflowed the stack.
 *
 * <p>Problems come back as {@link Malformed}: one line, which the caller wraps in its own error
 * (a config error, exit 2; an outputs error, exit 3).
 */
public final class Documents {
    /** Stack files, compiled specs and outputs are kilobytes; 4 MiB is far past any real one. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /** A KFP spec nests about a dozen levels; a stack file five. */
    public static final int MAX_DEPTH = 64;

    // Jackson 2.15+ StreamReadConstraints: the parser itself refuses deeper nesting and huge numbers/strings.
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH).maxNumberLength(100).maxStringLength(MAX_BYTES).build();
    private static final ObjectMapper JSON = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(LIMITS).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final YAMLFactory YAML_FACTORY = yamlFactory();
    private static final ObjectMapper YAML = new ObjectMapper(YAML_FACTORY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Documents() {
    }

    /** A file or text that cannot be used; {@link #getMessage()} is one line. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setMaxAliasesForCollections(0);
        return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(LIMITS).build();
    }

    /** The file as UTF-8 text, reading no more than {@link #MAX_BYTES} (a device such as /dev/zero included). */
    public static String read(Path file) throws Malformed {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new Malformed("larger than " + MAX_BYTES / (1024 * 1024) + " MiB; is this the right file?");
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new Malformed("no such file");
        } catch (CharacterCodingException e) {
            throw new Malformed("is not UTF-8 text");
        } catch (IOException e) {
            throw new Malformed("cannot be read (" + (Files.isDirectory(file) ? "a directory" : e.getClass().getSimpleName()) + ")");
        }
    }

    /** One JSON value, nothing after it. */
    public static JsonNode json(String text) throws Malformed {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Malformed("is not valid JSON" + at(e) + ": " + reason(e));
        }
    }

    /** One YAML document (JSON is YAML too), without aliases. */
    public static JsonNode yaml(String text) throws Malformed {
        try (JsonParser p = YAML.createParser(text)) {
            int depth = 0;
            int documents = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (depth == 0 && ++documents > 1) {
                    throw new Malformed("holds more than one YAML document (another starts at line " + line(p)
                            + "); keep one");
                }
                if (((YAMLParser) p).isCurrentAlias()) {
                    throw new Malformed("uses the YAML alias *" + p.getText() + " at line " + line(p)
                            + "; aliases are not supported, write the value out");
                }
                // Depth past MAX_DEPTH never gets here: the parser's StreamReadConstraints (LIMITS) refuse it first.
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                }
            }
        } catch (JsonProcessingException e) {
            throw new Malformed(yamlProblem(e));
        } catch (IOException e) {
            throw new Malformed("cannot be parsed (" + e.getClass().getSimpleName() + ")");
        }
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Malformed(yamlProblem(e));
        }
    }

    private static String yamlProblem(JsonProcessingException e) {
        String reason = reason(e);
        java.util.regex.Matcher dup = java.util.regex.Pattern.compile("Duplicate field '([^']*)'").matcher(reason);
        if (dup.find()) {
            return "key " + dup.group(1) + " appears twice" + at(e) + " (the second would silently win); keep one";
        }
        return "is not valid YAML" + at(e) + ": " + reason;
    }

    private static int line(JsonParser p) {
        return p.currentLocation().getLineNr();
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : " at line " + e.getLocation().getLineNr();
    }

    private static String reason(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        if (m.contains("Number value length") || m.contains("String value length")) {
            return "a value longer than allowed";
        }
        if (m.contains("Trailing token")) {
            return "more content after the first JSON value; keep one";
        }
        String first = m.lines().findFirst().orElse("").trim();
        return first.length() > 160 ? first.substring(0, 160) + "..." : first;
    }
}
