package dev.headway.infra.hooks;

import dev.headway.infra.UserError;
import dev.headway.infra.hooks.engine.StackEngine;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the engine commands decide before running pulumi: whether a stack is prod-tier, and where pulumi is. */
class StackEngineTest {

    private static Path project(String stack, String fromFile) throws IOException {
        Path dir = Files.createTempDirectory("project");
        Files.copy(Path.of(fromFile), dir.resolve("Pulumi." + stack + ".yaml"));
        return dir;
    }

    @Test
    void aStackNamedLikeProductionIsProdWithoutReadingItsFile() throws IOException {
        assertTrue(StackEngine.isProd("prod", Files.createTempDirectory("empty")));
    }

    @Test
    void aStackWithoutAConfigFileIsNotProd() throws IOException {
        assertFalse(StackEngine.isProd("dev", Files.createTempDirectory("empty")));
    }

    @Test
    void aStackIsProdWhenItsConfigSaysTierProd() throws IOException {
        // staging is not named like production but its Pulumi.staging.yaml sets headway:tier: prod
        assertTrue(StackEngine.isProd("staging", project("staging", "Pulumi.staging.yaml")));
        assertFalse(StackEngine.isProd("dev", project("dev", "Pulumi.dev.yaml")));
    }

    @Test
    void aConfigFileThatDoesNotValidateCountsAsProd() throws IOException {
        Path dir = Files.createTempDirectory("project");
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), "config:\n  headway:tier: sometimes\n");
        assertTrue(StackEngine.isProd("dev", dir));
    }

    @Test
    void withoutPulumiOnPathTheEngineCommandsAreOneLineExit3() throws IOException {
        Path notExecutable = Files.createTempDirectory("bin");
        Files.writeString(notExecutable.resolve("pulumi"), "#!/bin/sh\n");
        for (Map<String, String> env : new Map[]{Map.of(), Map.of("PATH", ""), Map.of("PATH", File.pathSeparator + notExecutable)}) {
            UserError e = assertThrows(UserError.class, () -> StackEngine.requirePulumi(env));
            assertEquals(UserError.ENVIRONMENT, e.exitCode());
            assertEquals("pulumi: the Pulumi CLI is not on PATH; preview, up, destroy and refresh run it through the"
                    + " Automation API (install it from pulumi.com, or use synth/diff offline)", e.getMessage());
        }
    }

    @Test
    void theFirstExecutablePulumiOnPathIsUsed() throws IOException {
        Path notExecutable = Files.createTempDirectory("bin");
        Files.writeString(notExecutable.resolve("pulumi"), "#!/bin/sh\n");
        Path dirNamedPulumi = Files.createTempDirectory("bin");
        Files.createDirectory(dirNamedPulumi.resolve("pulumi"));
        Path first = executable(Files.createTempDirectory("bin"));
        Path second = executable(Files.createTempDirectory("bin"));
        String path = String.join(File.pathSeparator, "", notExecutable.toString(), dirNamedPulumi.toString(),
                first.getParent().toString(), second.getParent().toString());
        assertEquals(first, StackEngine.requirePulumi(Map.of("PATH", path)));
    }

    private static Path executable(Path dir) throws IOException {
        Path p = dir.resolve("pulumi");
        Files.writeString(p, "#!/bin/sh\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }
}
