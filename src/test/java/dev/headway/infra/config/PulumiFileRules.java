package dev.headway.infra.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rules the Pulumi CLI applies when it loads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml},
 * transcribed from pulumi/pulumi (master as stored, commits named per rule):
 * <ul>
 * <li>{@code sdk/go/common/workspace/project.go} (commit 73a66f48): {@code ValidateProject} (name and
 * runtime first, then the JSON schema), {@code Project.Validate} (project config declarations),
 * {@code ProjectStack} (what a stack file may hold);</li>
 * <li>{@code sdk/go/common/workspace/project.json} (commit 5351d868): the project schema;</li>
 * <li>{@code sdk/go/common/workspace/config.go} ({@code mergeConfig},
 * {@code validateStackConfigValue}): how a stack's config meets the project's declarations;</li>
 * <li>{@code sdk/go/common/resource/config/key.go} ({@code ParseKey}) and {@code value.go} (the
 * {@code secure:} form).</li>
 * </ul>
 * Each method returns the CLI's refusals (its own wording where it has one); empty means it loads.
 */
final class PulumiFileRules {
    private PulumiFileRules() {
    }

    static Object parse(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }

    // ---------------------------------------------------------------- Pulumi.yaml

    /** project.go ValidateProject + project.json + Project.Validate. */
    static List<String> project(Object raw) {
        List<String> errors = new ArrayList<>();
        if (!(raw instanceof Map<?, ?> project)) {
            errors.add("expected project to be an object");
            return errors;
        }
        // ValidateProject: "project is missing a 'name' attribute" / "a non-empty string 'name'"
        Object name = project.get("name");
        if (!(name instanceof String n) || n.isEmpty()) {
            errors.add(name == null ? "project is missing a 'name' attribute" : "project is missing a non-empty string 'name' attribute");
            return errors;
        }
        if (!project.containsKey("runtime")) {
            errors.add("project is missing a 'runtime' attribute");
            return errors;
        }
        schema(project, errors);
        if (errors.isEmpty()) {
            validateConfig((String) name, project.get("config"), errors);
        }
        return errors;
    }

    /** project.json: the typed top-level attributes (additionalProperties: true at the top). */
    private static void schema(Map<?, ?> project, List<String> errors) {
        Object runtime = project.get("runtime");
        // "runtime": oneOf a non-empty string, or {name: string, options: object} with nothing else
        if (runtime instanceof Map<?, ?> r) {
            for (Object k : r.keySet()) {
                if (!Set.of("name", "options").contains(k)) {
                    errors.add("#/runtime: '" + k + "' not allowed");
                }
            }
            if (!(r.get("name") instanceof String rn) || rn.isEmpty()) {
                errors.add("#/runtime/name: expected a non-empty string");
            }
            if (r.containsKey("options") && !(r.get("options") instanceof Map)) {
                errors.add("#/runtime/options: expected object");
            }
        } else if (!(runtime instanceof String s) || s.isEmpty()) {
            errors.add("#/runtime: expected a non-empty string or an object");
        }
        for (String key : List.of("description", "author", "website", "license", "main", "stackConfigDir")) {
            Object v = project.get(key);
            if (v != null && !(v instanceof String)) {
                errors.add("#/" + key + ": expected string or null");
            }
        }
        if (project.get("backend") instanceof Map<?, ?> b) {
            b.keySet().stream().filter(k -> !"url".equals(k)).forEach(k -> errors.add("#/backend: '" + k + "' not allowed"));
        }
        if (project.get("options") instanceof Map<?, ?> o) {
            o.keySet().stream().filter(k -> !"refresh".equals(k)).forEach(k -> errors.add("#/options: '" + k + "' not allowed"));
            if (o.containsKey("refresh") && !"always".equals(o.get("refresh"))) {
                errors.add("#/options/refresh: value must be \"always\"");
            }
        }
        Object config = project.get("config");
        if (config == null || config instanceof String) {
            return; // absent, or the deprecated stackConfigDir spelling (RewriteConfigPathIntoStackConfigDir)
        }
        if (!(config instanceof Map<?, ?> c)) {
            errors.add("#/config: expected object or null");
            return;
        }
        // config values: oneOf string | integer | boolean | array | configTypeDeclaration
        c.forEach((k, v) -> {
            if (v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean || v instanceof List) {
                return;
            }
            if (!(v instanceof Map<?, ?> decl)) {
                errors.add("#/config/" + k + ": expected string, integer, boolean, array or a type declaration");
                return;
            }
            for (Object attr : decl.keySet()) {
                if (!Set.of("type", "items", "description", "secret", "default", "value").contains(attr)) {
                    errors.add("#/config/" + k + ": '" + attr + "' not allowed");
                }
            }
            Object type = decl.get("type");
            if (type != null && !Set.of("string", "integer", "boolean", "array").contains(type)) {
                errors.add("#/config/" + k + "/type: value must be one of \"string\", \"integer\", \"boolean\", \"array\"");
            }
            if ("array".equals(type) && !decl.containsKey("items")) {
                errors.add("#/config/" + k + ": missing properties: 'items'");
            }
            if (decl.containsKey("description") && !(decl.get("description") instanceof String)) {
                errors.add("#/config/" + k + "/description: expected string");
            }
            if (decl.containsKey("secret") && !(decl.get("secret") instanceof Boolean)) {
                errors.add("#/config/" + k + "/secret: expected boolean");
            }
        });
    }

    /** Project.Validate, after RewriteShorthandConfigValues turned short forms into declarations. */
    private static void validateConfig(String projectName, Object config, List<String> errors) {
        if (!(config instanceof Map<?, ?> c)) {
            return;
        }
        for (Map.Entry<?, ?> e : new TreeMap<>(c).entrySet()) {
            String key = String.valueOf(e.getKey());
            Map<?, ?> decl = declaration(projectName, key, e.getValue());
            Object type = decl.get("type");
            boolean hasDefault = decl.get("default") != null;
            boolean hasValue = decl.get("value") != null;
            if (hasDefault && hasValue) {
                errors.add("project config '" + key + "' cannot have both a 'default' and 'value' attribute");
                continue;
            }
            if (namespacedByProject(projectName, key)) {
                if ("array".equals(type) && decl.get("items") == null) {
                    errors.add("The configuration key '" + key + "' declares an array but does not specify the underlying type via the 'items' attribute");
                } else if (type != null && hasDefault && !validValue(String.valueOf(type), decl.get("items"), decl.get("default"))) {
                    errors.add("The default value specified for configuration key '" + key + "' is not of the expected type '" + type + "'");
                }
            } else if (type != null) {
                errors.add("Configuration key '" + key + "' is not namespaced by the project and should not define a type");
            } else if (hasDefault) {
                errors.add("Configuration key '" + key + "' is not namespaced by the project and should not define a default value."
                        + " Did you mean to use the 'value' attribute instead of 'default'?");
            } else if (!hasValue) {
                errors.add("Configuration key '" + key + "' is namespaced and must provide an attribute 'value'");
            }
        }
    }

    /** RewriteShorthandConfigValues: a bare project key is a default, a bare foreign key a value. */
    private static Map<?, ?> declaration(String projectName, String key, Object value) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        return Map.of(namespacedByProject(projectName, key) ? "default" : "value", value);
    }

    /** project.go configKeyIsNamespacedByProject. */
    static boolean namespacedByProject(String projectName, String key) {
        return !key.contains(":") || key.startsWith(projectName + ":");
    }

    /** project.go ValidateConfigValue. */
    static boolean validValue(String type, Object items, Object value) {
        switch (type) {
            case "string":
                return value instanceof String;
            case "integer":
                if (value instanceof Integer || value instanceof Long) {
                    return true;
                }
                if (value instanceof Double d) {
                    return d == Math.rint(d);
                }
                if (value instanceof String s) {
                    try {
                        Long.parseLong(s);
                        return true;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
                return false;
            case "boolean":
                return value instanceof Boolean || "true".equals(value) || "false".equals(value);
            default:
                if (!(value instanceof List<?> list) || !(items instanceof Map<?, ?> it)) {
                    return false;
                }
                return list.stream().allMatch(v -> validValue(String.valueOf(it.get("type")), it.get("items"), v));
        }
    }

    // ---------------------------------------------------------------- Pulumi.<stack>.yaml

    /** The attributes of project.go ProjectStack; go-yaml drops any other key without a word. */
    static final Set<String> STACK_ATTRIBUTES = Set.of("secretsprovider", "encryptedkey", "encryptionsalt", "config", "environment");

    /** A stack file as the CLI reads it, and its config merged with the project's declarations (config.go mergeConfig). */
    static List<String> stack(String stackName, Object rawProject, Object rawStack) {
        List<String> errors = new ArrayList<>();
        if (rawStack == null) {
            return errors; // an empty stack file is an empty ProjectStack
        }
        if (!(rawStack instanceof Map<?, ?> stack)) {
            errors.add("Pulumi." + stackName + ".yaml: expected an object");
            return errors;
        }
        for (Object k : stack.keySet()) {
            if (!STACK_ATTRIBUTES.contains(String.valueOf(k))) {
                errors.add("Pulumi." + stackName + ".yaml: '" + k + "' is not a stack file attribute (the CLI ignores it silently;"
                        + " it reads only " + STACK_ATTRIBUTES.stream().sorted().toList() + ")");
            }
        }
        for (String k : List.of("secretsprovider", "encryptedkey", "encryptionsalt")) {
            if (stack.containsKey(k) && !(stack.get(k) instanceof String)) {
                errors.add("Pulumi." + stackName + ".yaml: '" + k + "' must be a string");
            }
        }
        Object config = stack.get("config");
        Map<?, ?> values = config instanceof Map<?, ?> m ? m : Map.of();
        if (config != null && !(config instanceof Map)) {
            errors.add("Pulumi." + stackName + ".yaml: 'config' must be a map of keys to values");
        }
        boolean anySecure = false;
        for (Map.Entry<?, ?> e : values.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!validKey(key)) {
                errors.add("could not parse " + key + " as a configuration key (configuration keys should be of the form `<namespace>:<name>`)");
            }
            anySecure |= secure(key, e.getValue(), errors);
        }
        if (anySecure && !stack.containsKey("encryptionsalt") && !stack.containsKey("encryptedkey")
                && stack.containsKey("secretsprovider") && !"default".equals(stack.get("secretsprovider"))) {
            errors.add("Pulumi." + stackName + ".yaml: secure values with secretsprovider '" + stack.get("secretsprovider")
                    + "' need its 'encryptedkey' (or 'encryptionsalt' for passphrase)");
        }
        if (rawProject instanceof Map<?, ?> project && project.get("name") instanceof String projectName
                && project.get("config") instanceof Map<?, ?> declared) {
            merge(stackName, projectName, declared, values, errors);
        }
        return errors;
    }

    /** key.go ParseKey: {@code <namespace>:<name>}, or the old {@code <namespace>:config:<name>}. */
    static boolean validKey(String key) {
        long colons = key.chars().filter(c -> c == ':').count();
        if (colons == 1) {
            return true;
        }
        return colons == 2 && key.split(":", -1)[1].equals("config") && !key.startsWith(":") && !key.endsWith(":");
    }

    /**
     * value.go: a map whose only key is {@code secure} with a string is a ciphertext; anywhere else a
     * {@code secure} key makes no secret. Returns whether the value holds a secure value.
     */
    private static boolean secure(String where, Object value, List<String> errors) {
        if (value instanceof Map<?, ?> m) {
            if (m.containsKey("secure")) {
                if (m.size() != 1 || !(m.get("secure") instanceof String)) {
                    errors.add(where + ": a secure value is a map holding only 'secure: <ciphertext>' (as `pulumi config set --secret` writes it)");
                    return false;
                }
                return true;
            }
            boolean any = false;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                any |= secure(where + "." + e.getKey(), e.getValue(), errors);
            }
            return any;
        }
        if (value instanceof List<?> l) {
            boolean any = false;
            for (int i = 0; i < l.size(); i++) {
                any |= secure(where + "[" + i + "]", l.get(i), errors);
            }
            return any;
        }
        return false;
    }

    /** config.go mergeConfig and validateStackConfigValue. */
    private static void merge(String stackName, String projectName, Map<?, ?> declared, Map<?, ?> stackValues, List<String> errors) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<?, ?> e : new TreeMap<>(declared).entrySet()) {
            String key = String.valueOf(e.getKey());
            String full = key.contains(":") ? key : projectName + ":" + key;
            Map<?, ?> decl = declaration(projectName, key, e.getValue());
            boolean found = stackValues.containsKey(full) || stackValues.containsKey(full.replace(":", ":config:"));
            if (!found && decl.get("value") == null && decl.get("default") == null && full.startsWith(projectName + ":")) {
                missing.add(key);
                continue;
            }
            Object type = decl.get("type");
            if (found && type != null) {
                Object v = stackValues.containsKey(full) ? stackValues.get(full) : stackValues.get(full.replace(":", ":config:"));
                boolean isSecure = v instanceof Map<?, ?> m && m.containsKey("secure");
                if (Boolean.TRUE.equals(decl.get("secret")) && !isSecure) {
                    errors.add("Stack '" + stackName + "' with configuration key '" + key + "' must be encrypted as it's secret");
                } else if (!isSecure && !validValue(String.valueOf(type), decl.get("items"), scalarAsText(v))) {
                    errors.add("Stack '" + stackName + "' with configuration key '" + key + "' must be of type '" + type + "'");
                }
            }
        }
        if (!missing.isEmpty()) {
            List<String> quoted = missing.stream().map(k -> "'" + k + "'").toList();
            errors.add("Stack '" + stackName + "' is missing configuration value" + (missing.size() > 1 ? "s " : " ") + String.join(", ", quoted));
        }
    }

    /** A stack config scalar reaches validation as its text (value.go keeps scalars as strings). */
    private static Object scalarAsText(Object v) {
        return v instanceof Map || v instanceof List || v == null ? v : String.valueOf(v);
    }
}
