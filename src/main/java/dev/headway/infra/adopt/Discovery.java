package dev.headway.infra.adopt;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only discovery: what exists in the project, per resource type. Only lists; never creates, changes or
 * deletes anything.
 */
public interface Discovery {
    /**
     * The resources of {@code type} that exist in the project, by key (the short name, or for types whose id
     * Google assigns, the value of the rule's {@code serverKey}) to the id Google gave them (the short name
     * again when the name is the id). Empty when this discovery cannot list that type.
     */
    Optional<Map<String, String>> list(String type);

    /** The types this discovery lists. */
    Set<String> types();

    /** The first of {@code parts} that lists a type answers for it. */
    static Discovery of(Discovery... parts) {
        return new Discovery() {
            @Override
            public Optional<Map<String, String>> list(String type) {
                for (Discovery d : parts) {
                    if (d.types().contains(type)) {
                        return d.list(type);
                    }
                }
                return Optional.empty();
            }

            @Override
            public Set<String> types() {
                Set<String> all = new java.util.TreeSet<>();
                for (Discovery d : parts) {
                    all.addAll(d.types());
                }
                return all;
            }
        };
    }
}
