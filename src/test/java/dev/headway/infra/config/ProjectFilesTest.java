package dev.headway.infra.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Pulumi.yaml} and every {@code Pulumi.<stack>.yaml} in the repository root, held to the rules
 * the Pulumi CLI applies when it loads them ({@link PulumiFileRules}, each rule cited there), and one
 * case per rule showing that it refuses what the CLI refuses.
 */
class ProjectFilesTest {
    private static final Path ROOT = Path.of(".");

    @Test
    void theProjectFileLoads() throws IOException {
        assertEquals(List.of(), PulumiFileRules.project(project()));
    }

    @Test
    void everyStackFileLoadsAndMergesWithTheProject() throws IOException {
        List<Path> stacks = stackFiles();
        assertTrue(stacks.size() >= 2, "stack files in the repository root: " + stacks);
        for (Path file : stacks) {
            String stack = file.getFileName().toString().replaceAll("^Pulumi\\.|\\.yaml$", "");
            assertEquals(List.of(), PulumiFileRules.stack(stack, project(), PulumiFileRules.parse(Files.readString(file))), file.toString());
        }
    }

    /**
     * The java language host picks its jar executor only for a {@code binary} ending in {@code .jar}
     * and runs {@code java -jar <binary>} in the program directory (pulumi/pulumi-java
     * {@code pkg/internal/executors/executor_jar.go}); so the binary must be the jar {@code mvn package}
     * writes, relative to this directory.
     */
    @Test
    void theJavaRuntimeStartsTheJarMavenBuilds() throws IOException {
        Map<?, ?> runtime = (Map<?, ?>) ((Map<?, ?>) project()).get("runtime");
        assertEquals("java", runtime.get("name"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(finalName.find(), "pom.xml names its jar");
        assertEquals("target/" + finalName.group(1) + ".jar", ((Map<?, ?>) runtime.get("options")).get("binary"));
    }

    // ------------------------------------------------------------ each rule fires

    /** The Pulumi.yaml this repository had before: the CLI refused to load it. */
    @Test
    void typedProviderKeysAreRefusedAsTheCliRefusedTheOldProjectFile() {
        List<String> errors = project("""
                name: headway
                runtime:
                  name: java
                  options:
                    binary: target/headway-infra.jar
                config:
                  gcp:project:
                    type: string
                    description: Google Cloud project id the stack deploys into
                  gcp:region:
                    type: string
                    description: Region for regional resources
                """);
        assertEquals(List.of("Configuration key 'gcp:project' is not namespaced by the project and should not define a type",
                "Configuration key 'gcp:region' is not namespaced by the project and should not define a type"), errors);
    }

    @Test
    void providerKeysTakeAValueNotADefault() {
        assertFirst("should not define a default value", project("name: p\nruntime: java\nconfig:\n  gcp:region:\n    default: us-east1\n"));
        assertFirst("is namespaced and must provide an attribute 'value'",
                project("name: p\nruntime: java\nconfig:\n  gcp:region:\n    description: the region\n"));
        assertEquals(List.of(), project("name: p\nruntime: java\nconfig:\n  gcp:region:\n    value: us-east1\n"));
        assertEquals(List.of(), project("name: p\nruntime: java\nconfig:\n  gcp:region: us-east1\n"), "shorthand is a value");
    }

    @Test
    void projectDeclarationsAreChecked() {
        assertFirst("cannot have both a 'default' and 'value'", project("name: p\nruntime: java\nconfig:\n  size:\n    default: 1\n    value: 2\n"));
        assertFirst("missing properties: 'items'", project("name: p\nruntime: java\nconfig:\n  zones:\n    type: array\n"));
        assertFirst("is not of the expected type 'integer'", project("name: p\nruntime: java\nconfig:\n  p:size:\n    type: integer\n    default: big\n"));
        assertFirst("'typ' not allowed", project("name: p\nruntime: java\nconfig:\n  size:\n    typ: integer\n"));
        assertFirst("value must be one of", project("name: p\nruntime: java\nconfig:\n  size:\n    type: object\n"));
    }

    @Test
    void nameAndRuntimeAreRequiredAndRuntimeIsClosed() {
        assertFirst("missing a 'name'", project("runtime: java\n"));
        assertFirst("missing a 'runtime'", project("name: p\n"));
        assertFirst("#/runtime: 'option' not allowed", project("name: p\nruntime:\n  name: java\n  option:\n    binary: a.jar\n"));
        assertFirst("#/options/refresh", project("name: p\nruntime: java\noptions:\n  refresh: sometimes\n"));
    }

    @Test
    void stackFilesHoldOnlyWhatTheCliReads() {
        assertFirst("'configs' is not a stack file attribute", stack("configs:\n  gcp:region: us-east1\n"));
        assertFirst("could not parse headway:poller:machineType as a configuration key",
                stack("config:\n  headway:poller:machineType: e2-small\n"));
        assertEquals(List.of(), stack("config:\n  headway:config:env: dev\n"), "the old ns:config:name form still parses");
        assertFirst("a secure value is a map holding only 'secure",
                stack("config:\n  headway:batch:\n    token:\n      secure: AAAB\n      note: x\n"));
        assertEquals(List.of(), stack("encryptionsalt: v1:abc\nconfig:\n  headway:token:\n    secure: v1:AAAB\n"));
        assertFirst("need its 'encryptedkey'", stack("secretsprovider: gcpkms://projects/p/locations/l/keyRings/r/cryptoKeys/k\n"
                + "config:\n  headway:token:\n    secure: v1:AAAB\n"));
    }

    @Test
    void stackConfigMeetsTheProjectsDeclarations() {
        Object declaring = PulumiFileRules.parse("""
                name: headway
                runtime: java
                config:
                  headway:env:
                    type: string
                  headway:replicas:
                    type: integer
                    default: 1
                  headway:token:
                    type: string
                    secret: true
                """);
        assertFirst("Stack 'dev' is missing configuration value 'headway:env'",
                PulumiFileRules.stack("dev", declaring, PulumiFileRules.parse("config:\n  headway:token:\n    secure: v1:x\n")));
        assertFirst("'headway:replicas' must be of type 'integer'", PulumiFileRules.stack("dev", declaring,
                PulumiFileRules.parse("config:\n  headway:env: dev\n  headway:replicas: many\n  headway:token:\n    secure: v1:x\n")));
        assertFirst("'headway:token' must be encrypted as it's secret", PulumiFileRules.stack("dev", declaring,
                PulumiFileRules.parse("config:\n  headway:env: dev\n  headway:token: plain\n")));
        assertEquals(List.of(), PulumiFileRules.stack("dev", declaring,
                PulumiFileRules.parse("config:\n  headway:env: dev\n  headway:replicas: 3\n  headway:token:\n    secure: v1:x\n")));
    }

    private static void assertFirst(String expected, List<String> errors) {
        assertTrue(!errors.isEmpty() && errors.get(0).contains(expected), "expected \"" + expected + "\" in " + errors);
    }

    private static List<String> project(String yaml) {
        return PulumiFileRules.project(PulumiFileRules.parse(yaml));
    }

    private static List<String> stack(String yaml) {
        return PulumiFileRules.stack("dev", PulumiFileRules.parse("name: headway\nruntime: java\n"), PulumiFileRules.parse(yaml));
    }

    private static Object project() throws IOException {
        return PulumiFileRules.parse(Files.readString(ROOT.resolve("Pulumi.yaml")));
    }

    private static List<Path> stackFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ROOT, "Pulumi.*.yaml")) {
            files.forEach(out::add);
        }
        out.sort(null);
        return out;
    }
}
