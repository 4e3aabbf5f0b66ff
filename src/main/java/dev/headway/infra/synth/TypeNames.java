package dev.headway.infra.synth;

/** Short, readable names for Pulumi type tokens: {@code gcp:compute/network:Network} to {@code compute.Network}. */
public final class TypeNames {
    private TypeNames() {
    }

    public static String shortName(String type) {
        String[] parts = type.split(":");
        if (parts.length != 3) {
            return type;
        }
        String module = parts[1].contains("/") ? parts[1].substring(0, parts[1].indexOf('/')) : parts[1];
        return parts[0].equals("gcp") ? module + "." + parts[2] : parts[0] + ":" + module + "." + parts[2];
    }
}
