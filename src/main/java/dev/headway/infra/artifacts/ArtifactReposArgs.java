package dev.headway.infra.artifacts;

import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.ComponentArgs;

/** Inputs of {@link ArtifactRepos}: the common ones ({@link ComponentArgs}) and these. */
public final class ArtifactReposArgs extends ComponentArgs {
    final String location;
    final int keepRecent;
    final int deleteUntaggedAfterDays;
    final boolean immutableTags;
    final Resource artifactRegistryApi;

    private ArtifactReposArgs(Builder b) {
        super(b);
        this.location = required(b.location, "location");
        this.keepRecent = b.keepRecent;
        this.deleteUntaggedAfterDays = b.deleteUntaggedAfterDays;
        this.immutableTags = b.immutableTags;
        this.artifactRegistryApi = required(b.artifactRegistryApi, "artifactRegistryApi");
        if (keepRecent < 1 || deleteUntaggedAfterDays < 1) {
            throw new IllegalArgumentException("keepRecent and deleteUntaggedAfterDays must be at least 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From {@code headway:artifacts}, in {@code gcp:region}. */
    public static ArtifactReposArgs from(Settings s, Resource artifactRegistryApi) {
        return builder().settings(s, "artifacts").location(s.region())
                .keepRecent(s.artifacts().keepRecent())
                .deleteUntaggedAfterDays(s.artifacts().deleteUntaggedAfterDays())
                .immutableTags(s.artifacts().immutableTags())
                .artifactRegistryApi(artifactRegistryApi).build();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private String location;
        private int keepRecent = 5;
        private int deleteUntaggedAfterDays = 7;
        private boolean immutableTags = false;
        private Resource artifactRegistryApi;

        /** The region of the repositories (Artifact Registry location). Required. */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** Cleanup keeps this many most recent versions of each package; default 5. */
        public Builder keepRecent(int keepRecent) {
            this.keepRecent = keepRecent;
            return this;
        }

        /** Cleanup deletes untagged versions older than this; default 7 days. */
        public Builder deleteUntaggedAfterDays(int days) {
            this.deleteUntaggedAfterDays = days;
            return this;
        }

        /** Docker tags cannot be moved once pushed; default false (true in prod). */
        public Builder immutableTags(boolean immutableTags) {
            this.immutableTags = immutableTags;
            return this;
        }

        /** The Artifact Registry API's enablement. Required. */
        public Builder artifactRegistryApi(Resource api) {
            this.artifactRegistryApi = api;
            return this;
        }

        public ArtifactReposArgs build() {
            return new ArtifactReposArgs(this);
        }
    }
}
