package dev.headway.infra.conventions;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.testing.Synth;
import dev.headway.infra.training.PipelineRootArgs;
import dev.headway.infra.warehouse.WarehouseArgs;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

class ComponentArgsTest {
    private static final List<String> COMPONENT_PACKAGES = List.of(
            "platform", "identity", "artifacts", "warehouse", "streaming", "training", "serving", "batch", "ci");
    private final Resource api = mock(Resource.class);

    @Test
    void settingsGiveTheStacksProjectNamesLabelsAndRetention() {
        for (String env : List.of("dev", "prod")) {
            Settings s = Synth.settings(env, Map.of());
            WarehouseArgs args = WarehouseArgs.from(s, api);
            assertEquals(s.project(), args.project);
            assertEquals(s.project(), args.names.project());
            assertEquals(env, args.names.env());
            assertEquals(Labels.of(s, "warehouse"), args.labels);
            assertEquals("warehouse", args.labels.get("component"));
            assertEquals(env.equals("prod"), args.retention.isProd(), env);
        }
    }

    @Test
    void aMissingInputIsNamed() {
        Settings s = Synth.settings("dev", Map.of());
        assertEquals("names is required", assertThrows(NullPointerException.class,
                () -> WarehouseArgs.builder().bigqueryApi(api).retention(new Retention(false)).build()).getMessage());
        assertEquals("retention is required", assertThrows(NullPointerException.class,
                () -> WarehouseArgs.builder().names(new Names(s)).bigqueryApi(api).build()).getMessage());
        assertEquals("bigqueryApi is required", assertThrows(NullPointerException.class,
                () -> WarehouseArgs.builder().settings(s, "warehouse").build()).getMessage());
    }

    @Test
    void projectDefaultsToTheProjectOfNamesAndMayNotDisagreeWithIt() {
        WarehouseArgs.Builder b = WarehouseArgs.builder().names(new Names("dev", "proj-a"))
                .retention(new Retention(false)).bigqueryApi(api);
        assertEquals("proj-a", b.build().project);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.project("proj-b").build());
        assertTrue(e.getMessage().contains("proj-b") && e.getMessage().contains("proj-a"), e.getMessage());
    }

    @Test
    void labelsDefaultToNoneAndAreCopied() {
        Names names = new Names("dev", "proj-a");
        assertEquals(Map.of(), WarehouseArgs.builder().names(names).retention(new Retention(false)).bigqueryApi(api)
                .build().labels);
        Map<String, String> labels = new HashMap<>(Map.of("team", "ml"));
        WarehouseArgs.Builder b = WarehouseArgs.builder().names(names).retention(new Retention(false)).bigqueryApi(api)
                .labels(labels);
        labels.put("team", "changed");
        assertEquals(Map.of("team", "ml"), b.build().labels);
    }

    @Test
    void aChildTakesTheCommonInputsOfItsParentWithSameAs() {
        WarehouseArgs parent = WarehouseArgs.from(Synth.settings("prod", Map.of()), api);
        PipelineRootArgs child = PipelineRootArgs.builder().sameAs(parent).location("us-east1").storageApi(api).build();
        assertEquals(parent.project, child.project);
        assertSame(parent.names, child.names);
        assertEquals(parent.labels, child.labels);
        assertSame(parent.retention, child.retention);
    }

    /** Every component takes one top-level builder-style Args class extending ComponentArgs; no records. */
    @Test
    void everyComponentTakesABuilderArgsExtendingComponentArgs() throws Exception {
        List<Class<?>> components = new ArrayList<>();
        for (String pkg : COMPONENT_PACKAGES) {
            for (Class<?> c : classesIn("dev.headway.infra." + pkg)) {
                if (ComponentResource.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())) {
                    components.add(c);
                }
            }
        }
        assertTrue(components.size() >= 20, "found only " + components);
        for (Class<?> c : components) {
            Constructor<?> ctor = List.of(c.getDeclaredConstructors()).stream()
                    .filter(k -> k.getParameterCount() == 3 && k.getParameterTypes()[0] == String.class
                            && k.getParameterTypes()[2] == ComponentResourceOptions.class)
                    .findFirst().orElseThrow(() -> new AssertionError(c + " has no (name, args, options) constructor"));
            Class<?> args = ctor.getParameterTypes()[1];
            assertTrue(ComponentArgs.class.isAssignableFrom(args), c + " takes " + args);
            assertFalse(args.isRecord(), args.getName());
            assertTrue(args.getEnclosingClass() == null, args + " should be its own file");
            assertEquals(c.getPackage(), args.getPackage(), args + " lives next to " + c);
            // DeadLetterTopic is part of FeedTopics and takes its Args.
            String expected = c.getSimpleName().equals("DeadLetterTopic") ? "FeedTopicsArgs" : c.getSimpleName() + "Args";
            assertEquals(expected, args.getSimpleName());
            Class<?> builder = args.getMethod("builder").getReturnType();
            assertTrue(ComponentArgs.Builder.class.isAssignableFrom(builder), builder.getName());
            assertEquals(args, builder.getMethod("build").getReturnType());
        }
    }

    /** The package's top-level classes, in main and test output alike (both are directories under Maven). */
    private static List<Class<?>> classesIn(String pkg) throws Exception {
        ClassLoader loader = ComponentArgsTest.class.getClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        for (URL url : Collections.list(loader.getResources(pkg.replace('.', '/')))) {
            for (String file : new File(url.toURI()).list()) {
                if (file.endsWith(".class") && !file.contains("$")) {
                    classes.add(Class.forName(pkg + "." + file.substring(0, file.length() - 6), false, loader));
                }
            }
        }
        return classes;
    }
}
