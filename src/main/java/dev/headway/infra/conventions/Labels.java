package dev.headway.infra.conventions;

import dev.headway.infra.config.Settings;

import java.util.Map;
import java.util.TreeMap;

/** The labels on every resource that takes labels: app, env, component, managed-by, plus config extras. */
public final class Labels {
    private Labels() {
    }

    public static Map<String, String> of(Settings settings, String component) {
        Map<String, String> labels = new TreeMap<>(settings.extraLabels());
        labels.put("app", "headway");
        labels.put("env", settings.env().id());
        labels.put("component", component);
        labels.put("managed-by", "pulumi");
        return Map.copyOf(labels);
    }
}
