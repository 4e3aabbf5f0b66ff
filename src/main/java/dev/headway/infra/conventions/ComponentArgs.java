package dev.headway.infra.conventions;

import dev.headway.infra.config.Settings;

import java.util.Map;
import java.util.Objects;

/**
 * The inputs every component takes, the same everywhere: the project its resources land in, the
 * {@link Names} that name them, and the {@link Labels} on those that take labels. A component's
 * Args extends this (or {@link DataArgs} when the component holds data) and adds only its own
 * inputs, each with a documented default on its builder method.
 */
public abstract class ComponentArgs {
    /** The project every resource of the component is declared in ({@code project} on each resource). */
    public final String project;
    /** Names of the component's resources ({@code hw-<env>-<purpose>}, buckets, datasets...). */
    public final Names names;
    /** Labels on every child resource that takes labels; empty when none was given. */
    public final Map<String, String> labels;

    protected ComponentArgs(Builder<?> b) {
        this.names = required(b.names, "names");
        this.project = b.project != null ? b.project : names.project();
        if (!project.equals(names.project())) {
            throw new IllegalArgumentException("project " + project + " differs from the project of names: " + names.project());
        }
        this.labels = Map.copyOf(b.labels);
    }

    /** {@link Objects#requireNonNull} naming the missing input, as every Args reports one. */
    protected static <T> T required(T value, String input) {
        return Objects.requireNonNull(value, () -> input + " is required");
    }

    /**
     * The builder every component's Args builder extends; {@code B} is that builder, so the common
     * setters chain into the component's own.
     */
    public abstract static class Builder<B extends Builder<B>> {
        private String project;
        private Names names;
        private Map<String, String> labels = Map.of();

        /** The component's resources' project; default the project of {@link #names}. */
        public B project(String project) {
            this.project = project;
            return self();
        }

        /** Names of the component's resources (and its project). Required. */
        public B names(Names names) {
            this.names = names;
            return self();
        }

        /** Labels on every child resource that takes labels; default none. */
        public B labels(Map<String, String> labels) {
            this.labels = Map.copyOf(labels);
            return self();
        }

        /**
         * The stack's common inputs: its project and names, and {@link Labels#of} with
         * {@code component} as the {@code component} label.
         */
        public B settings(Settings s, String component) {
            return project(s.project()).names(new Names(s)).labels(Labels.of(s, component));
        }

        /** The common inputs of the enclosing component, for a child component it declares. */
        public B sameAs(ComponentArgs parent) {
            return project(parent.project).names(parent.names).labels(parent.labels);
        }

        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }
    }
}
