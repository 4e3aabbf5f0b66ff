package dev.headway.infra.synth;

import com.pulumi.core.annotations.ResourceType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every constant of {@link Types} is a token of the provider SDKs the program is built with, and no other
 * main class spells one as a literal.
 *
 * <p>The truth is the SDK jars on the test classpath (pom: pulumi-gcp 7.0.0, pulumi-kubernetes 4.0.0). Each
 * generated resource class carries its token as {@code @ResourceType(type = ...)}, a runtime annotation
 * (pulumi/pulumi-java sdk/java/pulumi/src/main/java/com/pulumi/core/annotations/ResourceType.java); for
 * example {@code com.pulumi.gcp.projects.IAMMember} is {@code gcp:projects/iAMMember:IAMMember} and
 * {@code com.pulumi.kubernetes.Provider} is {@code pulumi:providers:kubernetes}. A function token (lower-case
 * last part, such as {@code gcp:organizations/getProject:getProject}) has no class of its own: the module's
 * {@code *Functions} class passes it to {@code Deployment.invoke}, so it is a string constant of a class
 * file in that module's package.
 */
class TypesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TYPES_SOURCE = MAIN.resolve("dev/headway/infra/synth/Types.java");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Map<String, List<String>> ENTRIES = new HashMap<>();

    @Test
    void everyConstantIsATokenOfTheProviderSdk() {
        Map<String, String> constants = constants();
        assertTrue(constants.size() > 40, "Types holds " + constants.size() + " constants: the reflection read nothing");
        List<String> unknown = new ArrayList<>();
        constants.forEach((name, token) -> {
            if (!inSdk(token)) {
                unknown.add("Types." + name + " = \"" + token + "\"");
            }
        });
        assertEquals(List.of(), unknown, "not a type (or function) token of pulumi-gcp / pulumi-kubernetes on the classpath:"
                + " spell it as the resource class's @ResourceType(type = ...) says");
    }

    @Test
    void eachTokenIsSpelledOnce() {
        Map<String, String> byToken = new HashMap<>();
        constants().forEach((name, token) -> {
            String other = byToken.put(token, name);
            assertTrue(other == null, "Types." + other + " and Types." + name + " are both \"" + token + "\"");
        });
    }

    @Test
    void noMainClassSpellsATokenAsALiteral() throws IOException {
        Map<String, String> byToken = new HashMap<>();
        constants().forEach((name, token) -> byToken.put(token, name));
        List<String> found = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(MAIN)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(sources.contains(TYPES_SOURCE), "run from the project root: no " + TYPES_SOURCE);
        assertTrue(sources.size() > 100, "only " + sources.size() + " main sources found under " + MAIN);
        for (Path source : sources) {
            if (source.equals(TYPES_SOURCE)) {
                continue;
            }
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (String literal : literals(lines.get(i))) {
                    if (byToken.containsKey(literal)) {
                        found.add(source + ":" + (i + 1) + " \"" + literal + "\" (use Types." + byToken.get(literal) + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "type tokens spelled outside Types");
    }

    /** The checks above can fail: a misspelt token is refused, a literal in source is found. */
    @Test
    void theChecksRefuseWhatIsNotReal() {
        assertTrue(inSdk("gcp:projects/iAMMember:IAMMember"));
        assertTrue(inSdk("kubernetes:core/v1:Namespace"));
        assertTrue(inSdk("pulumi:providers:gcp"));
        assertTrue(inSdk("gcp:organizations/getProject:getProject"));
        assertFalse(inSdk("gcp:projects/iamMember:IAMMember"), "the module part is case-sensitive (iAMMember)");
        assertFalse(inSdk("gcp:compute/instance:Instances"));
        assertFalse(inSdk("gcp:compute/instance:Network"), "a real class name under the wrong token");
        assertFalse(inSdk("kubernetes:core/v1:NameSpace"));
        assertFalse(inSdk("pulumi:providers:gcpx"));
        assertFalse(inSdk("gcp:organizations/getProjects:getProjects"));
        assertFalse(inSdk("aws:s3/bucket:Bucket"), "only the gcp and kubernetes SDKs are on the classpath");
        assertEquals(List.of("gcp:storage/bucket:Bucket", "a \"quoted\" word"),
                literals("plan.ofType(\"gcp:storage/bucket:Bucket\", \"a \\\"quoted\\\" word\")"));
    }

    private static Map<String, String> constants() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : Types.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    out.put(f.getName(), (String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /** The string literals on one line of Java source, unescaped for quotes and backslashes. */
    static List<String> literals(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = STRING_LITERAL.matcher(line);
        while (m.find()) {
            out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return out;
    }

    /** Whether the SDK jar of the token's package declares it (see the class comment). */
    static boolean inSdk(String token) {
        if (token.startsWith("pulumi:providers:")) {
            String pkg = token.substring("pulumi:providers:".length());
            return resourceTypes(pkg, "Provider").contains(token);
        }
        int colon = token.indexOf(':');
        int slash = token.indexOf('/');
        int last = token.lastIndexOf(':');
        if (colon < 0 || slash < colon || last <= slash) {
            return false;
        }
        String pkg = token.substring(0, colon);
        String name = token.substring(last + 1);
        if (name.isEmpty()) {
            return false;
        }
        if (Character.isLowerCase(name.charAt(0))) {
            return invokedIn(pkg, token.substring(colon + 1, slash), token);
        }
        return resourceTypes(pkg, name).contains(token);
    }

    /** The @ResourceType of every class named {@code simpleName} under {@code com.pulumi.<pkg>}. */
    private static List<String> resourceTypes(String pkg, String simpleName) {
        List<String> types = new ArrayList<>();
        for (String entry : entries(pkg)) {
            if (entry.endsWith("/" + simpleName + ".class")) {
                String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                try {
                    ResourceType t = Class.forName(className, false, TypesTest.class.getClassLoader())
                            .getAnnotation(ResourceType.class);
                    if (t != null) {
                        types.add(t.type());
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + className + " from the " + pkg + " SDK jar", e);
                }
            }
        }
        return types;
    }

    /** Whether a class file directly in {@code com/pulumi/<pkg>/<module>/} holds {@code token} as a constant. */
    private static boolean invokedIn(String pkg, String module, String token) {
        String dir = "com/pulumi/" + pkg + "/" + module + "/";
        byte[] needle = token.getBytes(StandardCharsets.UTF_8);
        if (entries(pkg).isEmpty()) {
            return false;
        }
        try (ZipFile jar = new ZipFile(jarOf(pkg).toFile())) {
            for (String entry : entries(pkg)) {
                if (entry.startsWith(dir) && entry.indexOf('/', dir.length()) < 0) {
                    try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
                        if (contains(in.readAllBytes(), needle)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The class-file names of the SDK jar for {@code pkg}, or none when no such SDK is on the classpath. */
    private static synchronized List<String> entries(String pkg) {
        return ENTRIES.computeIfAbsent(pkg, p -> {
            Path jar = jarOf(p);
            if (jar == null) {
                return List.of();
            }
            String prefix = "com/pulumi/" + p + "/";
            List<String> names = new ArrayList<>();
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                zip.stream().map(ZipEntry::getName)
                        .filter(n -> n.startsWith(prefix) && n.endsWith(".class") && !n.contains("/inputs/") && !n.contains("/outputs/"))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Collections.unmodifiableList(names);
        });
    }

    /** The jar holding {@code com.pulumi.<pkg>.Provider}, the one class every provider SDK has. */
    private static Path jarOf(String pkg) {
        if (!pkg.matches("[a-z0-9]+")) {
            return null;
        }
        try {
            Class<?> provider = Class.forName("com.pulumi." + pkg + ".Provider", false, TypesTest.class.getClassLoader());
            return Path.of(provider.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException e) {
            return null;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
