package dev.headway.infra.policy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which resource types take labels, and under which input: read from the pinned provider's Args
 * classes ({@code com.pulumi.gcp.storage.BucketArgs#labels}), so a type a component adds is known
 * without a hand-kept list. {@code userLabels} wins where a type has both (a monitoring
 * NotificationChannel's {@code labels} are channel settings, not resource labels); GKE clusters
 * use {@code resourceLabels}.
 */
public final class LabeledTypes {
    private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();

    private LabeledTypes() {
    }

    /** The input that holds resource labels for {@code type}, or empty when the type takes none. */
    public static Optional<String> labelProperty(String type) {
        return CACHE.computeIfAbsent(type, LabeledTypes::resolve);
    }

    private static Optional<String> resolve(String type) {
        String[] parts = type.split(":");
        if (parts.length != 3 || !parts[0].equals("gcp") || !parts[1].contains("/")) {
            return Optional.empty();
        }
        String module = parts[1].substring(0, parts[1].indexOf('/'));
        Class<?> args;
        try {
            args = Class.forName("com.pulumi.gcp." + module + "." + parts[2] + "Args", false, LabeledTypes.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        for (String property : new String[]{"userLabels", "resourceLabels", "labels"}) {
            try {
                args.getMethod(property);
                return Optional.of(property);
            } catch (NoSuchMethodException e) {
                // next
            }
        }
        return Optional.empty();
    }
}
