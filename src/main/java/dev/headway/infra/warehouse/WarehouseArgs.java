package dev.headway.infra.warehouse;

import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.Labels;
import dev.headway.infra.conventions.Names;
import dev.headway.infra.conventions.Retention;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Inputs of {@link Warehouse}. Build with {@link #builder()}, or {@link #from(Settings, Resource)}. */
public final class WarehouseArgs {
    final String project;
    final String location;
    final Names names;
    final Retention retention;
    final Map<String, String> labels;
    final Optional<Integer> tableExpirationDays;
    final List<TableSpec> tables;
    final Resource bigqueryApi;

    private WarehouseArgs(Builder b) {
        this.project = Objects.requireNonNull(b.project, "project");
        this.location = Objects.requireNonNull(b.location, "location");
        this.names = Objects.requireNonNull(b.names, "names");
        this.retention = Objects.requireNonNull(b.retention, "retention");
        this.labels = Map.copyOf(b.labels);
        this.tableExpirationDays = b.tableExpirationDays;
        this.tables = List.copyOf(b.tables);
        this.bigqueryApi = Objects.requireNonNull(b.bigqueryApi, "bigqueryApi");
        if (retention.isProd() && tableExpirationDays.isPresent()) {
            throw new IllegalArgumentException("prod tables never expire; tableExpirationDays must be empty in prod");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From {@code headway:warehouse}: location, and the dev-only default table expiration. */
    public static WarehouseArgs from(Settings s, Resource bigqueryApi) {
        return builder().project(s.project()).location(s.warehouse().location()).names(new Names(s))
                .retention(new Retention(s)).labels(Labels.of(s, "warehouse"))
                .tableExpirationDays(s.warehouse().tableExpirationDays())
                .bigqueryApi(bigqueryApi).build();
    }

    public static final class Builder {
        private String project;
        private String location = "US";
        private Names names;
        private Retention retention;
        private Map<String, String> labels = Map.of();
        private Optional<Integer> tableExpirationDays = Optional.empty();
        private List<TableSpec> tables = Schemas.ALL;
        private Resource bigqueryApi;

        /** Required. */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** BigQuery location of every dataset; default {@code US}. */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** Required. */
        public Builder names(Names names) {
            this.names = names;
            return this;
        }

        /** What survives a destroy (prod: protected, retained, contents kept). Required. */
        public Builder retention(Retention retention) {
            this.retention = retention;
            return this;
        }

        /** Labels on datasets and tables; default none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
            return this;
        }

        /** Default expiration of new tables; default none (tables never expire). Dev only. */
        public Builder tableExpirationDays(Optional<Integer> days) {
            this.tableExpirationDays = days;
            return this;
        }

        /** The tables to declare; default {@link Schemas#ALL}. */
        public Builder tables(List<TableSpec> tables) {
            this.tables = tables;
            return this;
        }

        /** The BigQuery API's enablement. Required. */
        public Builder bigqueryApi(Resource api) {
            this.bigqueryApi = api;
            return this;
        }

        public WarehouseArgs build() {
            return new WarehouseArgs(this);
        }
    }
}
