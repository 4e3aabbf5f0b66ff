package dev.headway.infra.warehouse;

import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.DataArgs;

import java.util.List;
import java.util.Optional;

/** Inputs of {@link Warehouse}: the common ones ({@link DataArgs}) and these. */
public final class WarehouseArgs extends DataArgs {
    final String location;
    final Optional<Integer> tableExpirationDays;
    final List<TableSpec> tables;
    final Resource bigqueryApi;

    private WarehouseArgs(Builder b) {
        super(b);
        this.location = required(b.location, "location");
        this.tableExpirationDays = required(b.tableExpirationDays, "tableExpirationDays");
        this.tables = List.copyOf(b.tables);
        this.bigqueryApi = required(b.bigqueryApi, "bigqueryApi");
        if (retention.isProd() && tableExpirationDays.isPresent()) {
            throw new IllegalArgumentException("prod tables never expire; tableExpirationDays must be empty in prod");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From {@code headway:warehouse}: location, and the dev-only default table expiration. */
    public static WarehouseArgs from(Settings s, Resource bigqueryApi) {
        return builder().settings(s, "warehouse").location(s.warehouse().location())
                .tableExpirationDays(s.warehouse().tableExpirationDays()).bigqueryApi(bigqueryApi).build();
    }

    public static final class Builder extends DataArgs.Builder<Builder> {
        private String location = "US";
        private Optional<Integer> tableExpirationDays = Optional.empty();
        private List<TableSpec> tables = Schemas.ALL;
        private Resource bigqueryApi;

        /** BigQuery location of every dataset; default {@code US}. */
        public Builder location(String location) {
            this.location = location;
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
