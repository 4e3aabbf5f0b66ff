package dev.headway.infra.adopt;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceArgs;
import com.pulumi.resources.ResourceTransformation;
import dev.headway.infra.config.ConfigError;
import dev.headway.infra.conventions.NameRules;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code headway:adopt} applied to the program, in one place: a resource whose logical name (the plan's name, kept
 * in its URN) is mapped takes the existing name as its name input, so the resource the import adopts is the one the
 * program declares and the preview after the import shows no replacement. Every component gets it: the top-level
 * components carry {@link #options}, and Pulumi hands a parent's transformations to its children (pulumi-java 1.36.1
 * {@code Resource}'s constructor appends {@code parent.transformations}). Which input holds a type's name comes from
 * the import table ({@link ImportIds.Rule#nameInput}); the name is checked against Google's rule for the type before
 * the resource is registered, and refused (exit 2, the key named) when it breaks it or when another resource of the
 * same type already has that name.
 */
public final class AdoptedNames implements ResourceTransformation {
    private final Map<String, String> adopt;
    private final ImportIds ids;
    /** type + " " + name input the program declared, to the logical name that declared it. */
    private final Map<String, String> taken = new HashMap<>();

    public AdoptedNames(Map<String, String> adopt, ImportIds ids) {
        this.adopt = Map.copyOf(adopt);
        this.ids = ids;
    }

    /** Options for a top-level component: the mapping when {@code adopt} has one, no option otherwise. */
    public static ComponentResourceOptions options(Map<String, String> adopt) {
        return adopt.isEmpty() ? ComponentResourceOptions.Empty
                : ComponentResourceOptions.builder().resourceTransformations(new AdoptedNames(adopt, ImportIds.get())).build();
    }

    @Override
    public Optional<Result> apply(Args a) {
        String type = a.resource().pulumiResourceType();
        String logical = a.resource().pulumiResourceName();
        Optional<ImportIds.Rule> rule = ids.rule(type).filter(r -> r.nameInput() != null && r.mode() == ImportIds.Mode.IMPORT);
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Field field = nameField(a.args().getClass(), rule.get().nameInput());
        String existing = adopt.get(logical);
        String declared = existing != null ? existing : plain(field, a.args());
        if (existing != null) {
            check(logical, type, existing, rule.get());
        }
        if (declared != null) {
            String other = taken.putIfAbsent(type + " " + declared, logical);
            if (other != null && !other.equals(logical) && (existing != null || adopt.containsValue(declared))) {
                String key = existing != null ? logical : other;
                throw new ConfigError("headway:adopt." + key, "an existing name no other " + type + " of the plan has",
                        "\"" + declared + "\", the name of plan resource " + (existing != null ? other : logical));
            }
        }
        if (existing == null) {
            return Optional.empty();
        }
        set(field, a.args(), existing);
        return Optional.of(new Result(a.args(), a.options()));
    }

    /** Google's rule for the type's names ({@link NameRules}), and the import table's shape for it. */
    private static void check(String logical, String type, String existing, ImportIds.Rule rule) {
        NameRules.Typed typed = NameRules.BY_TYPE.get(type);
        if (typed != null && typed.property().equals(rule.nameInput()) && !typed.rule().accepts(existing)) {
            throw new ConfigError("headway:adopt." + logical, "a " + type + " name of " + typed.rule().words() + " (" + typed.rule().source() + ")",
                    "\"" + existing + "\"");
        }
        if (rule.shape() != null && !rule.shape().matcher(existing).matches()) {
            throw new ConfigError("headway:adopt." + logical, "a " + type + " name matching " + rule.shape().pattern() + " (" + rule.shapeSource() + ")",
                    "\"" + existing + "\"");
        }
    }

    /** The args field that Pulumi sends as {@code input} (its {@code @Import} name); generated args classes have one per input. */
    private static Field nameField(Class<?> c, String input) {
        for (Class<?> k = c; k != null && k != ResourceArgs.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                Import imp = f.getAnnotation(Import.class);
                if (imp != null && imp.name().equals(input)) {
                    f.setAccessible(true);
                    return f;
                }
            }
        }
        throw new IllegalStateException(c.getName() + " has no input " + input + " (adopt/import-ids.json names it as the name)");
    }

    /** The declared name when it is a known string (the program names resources with plain strings), else null. */
    private static String plain(Field f, ResourceArgs args) {
        try {
            Object v = f.get(args);
            if (v instanceof Output<?> o) {
                var data = com.pulumi.core.internal.Internal.of(o).getDataAsync().getNow(null);
                return data != null && data.isKnown() && data.getValueNullable() instanceof String s ? s : null;
            }
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Field f, ResourceArgs args, String value) {
        try {
            f.set(args, Output.of(value));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
