package dev.headway.infra.serving;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stable numeric Vertex AI endpoint ids. Vertex takes a caller-chosen id only in its numeric form
 * when it is numeric: at most 9 digits (older API versions: 10), no leading zero. The id is derived
 * from project, environment and endpoint name (SHA-256), so it never changes between runs and does
 * not depend on the order of the config list; two names that would share an id stop the run.
 */
public final class EndpointIds {
    /** 9 digits, the first not 0: valid under both the current (9) and the older (10) digit limits. */
    public static final Pattern VALID = Pattern.compile("[1-9][0-9]{0,8}");
    private static final long SPAN = 900_000_000L;
    private static final long BASE = 100_000_000L;

    private EndpointIds() {
    }

    /** The id of endpoint {@code name} in {@code project}/{@code env}. */
    public static String of(String project, String env, String name) {
        byte[] digest = sha256(project + "/" + env + "/" + name);
        long n = ByteBuffer.wrap(digest, 0, 8).getLong() & Long.MAX_VALUE;
        return String.valueOf(BASE + n % SPAN);
    }

    /** Ids for all {@code names}, in their order; fails if two of them collide. */
    public static Map<String, String> of(String project, String env, List<String> names) {
        Map<String, String> ids = new LinkedHashMap<>();
        Map<String, String> owners = new LinkedHashMap<>();
        for (String name : names) {
            String id = of(project, env, name);
            String other = owners.putIfAbsent(id, name);
            if (other != null && !other.equals(name)) {
                throw new IllegalStateException("Vertex endpoint ids collide: \"" + other + "\" and \"" + name
                        + "\" both map to " + id + " in " + project + "/" + env + "; rename one of them");
            }
            ids.put(name, id);
        }
        return ids;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
