package dev.headway.infra.conventions;

import dev.headway.infra.config.Settings;

/**
 * {@link ComponentArgs} of a component that holds data (buckets, datasets, databases, secrets, a
 * cluster): also the {@link Retention} that decides what survives a destroy. Required, never
 * defaulted, so no data store ends up unprotected in prod by omission.
 */
public abstract class DataArgs extends ComponentArgs {
    /** What survives a destroy: prod data stores protected and retained, dev tears down to nothing. */
    public final Retention retention;

    protected DataArgs(Builder<?> b) {
        super(b);
        this.retention = required(b.retention, "retention");
    }

    /** {@link ComponentArgs.Builder} with the retention. */
    public abstract static class Builder<B extends Builder<B>> extends ComponentArgs.Builder<B> {
        private Retention retention;

        /** What survives a destroy (prod: protected, retained, contents kept). Required. */
        public B retention(Retention retention) {
            this.retention = retention;
            return self();
        }

        /** Project, names, labels, and the stack's retention ({@link Retention#Retention(Settings)}). */
        @Override
        public B settings(Settings s, String component) {
            return super.settings(s, component).retention(new Retention(s));
        }

        /** Project, names, labels, and the retention of an enclosing data component. */
        public B sameAs(DataArgs parent) {
            return super.sameAs(parent).retention(parent.retention);
        }
    }
}
