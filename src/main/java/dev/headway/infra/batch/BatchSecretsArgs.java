package dev.headway.infra.batch;

import com.pulumi.resources.Resource;
import dev.headway.infra.conventions.DataArgs;
import dev.headway.infra.identity.Identity;

import java.util.List;

/** Inputs of {@link BatchSecrets}: the common ones ({@link DataArgs}: a secret is data) and these. */
public final class BatchSecretsArgs extends DataArgs {
    final List<String> secretIds;
    final Identity reader;
    final Resource secretManagerApi;

    private BatchSecretsArgs(Builder b) {
        super(b);
        this.secretIds = List.copyOf(b.secretIds);
        this.reader = required(b.reader, "reader");
        this.secretManagerApi = required(b.secretManagerApi, "secretManagerApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends DataArgs.Builder<Builder> {
        private List<String> secretIds = List.of();
        private Identity reader;
        private Resource secretManagerApi;

        /** Secret ids without the {@code hw-<env>-} prefix ({@code prefect-api-key}); default none. */
        public Builder secretIds(List<String> secretIds) {
            this.secretIds = secretIds;
            return this;
        }

        /** The only account that may read the secrets' values. Required. */
        public Builder reader(Identity reader) {
            this.reader = reader;
            return this;
        }

        /** The Secret Manager API's enablement. Required. */
        public Builder secretManagerApi(Resource api) {
            this.secretManagerApi = api;
            return this;
        }

        public BatchSecretsArgs build() {
            return new BatchSecretsArgs(this);
        }
    }
}
