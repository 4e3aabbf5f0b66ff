package dev.headway.infra.artifacts;

import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.Labels;
import dev.headway.infra.conventions.Names;

import java.util.Map;
import java.util.Objects;

/** Inputs of {@link ArtifactRepos}. Build with {@link #builder()}, or {@link #from(Settings, Resource)}. */
public final class ArtifactReposArgs {
    final String project;
    final String location;
    final Names names;
    final Map<String, String> labels;
    final int keepRecent;
    final int deleteUntaggedAfterDays;
    final boolean immutableTags;
    final Resource artifactRegistryApi;

    private ArtifactReposArgs(Builder b) {
        this.project = Objects.requireNonNull(b.project, "project");
        this.location = Objects.requireNonNull(b.location, "location");
        this.names = Objects.requireNonNull(b.names, "names");
        this.labels = Map.copyOf(b.labels);
        this.keepRecent = b.keepRecent;
        this.deleteUntaggedAfterDays = b.deleteUntaggedAfterDays;
        this.immutableTags = b.immutableTags;
        this.artifactRegistryApi = Objects.requireNonNull(b.artifactRegistryApi, "artifactRegistryApi");
        if (keepRecent < 1 || deleteUntaggedAfterDays < 1) {
            throw new IllegalArgumentException("keepRecent and deleteUntaggedAfterDays must be at least 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From {@code headway:artifacts}, in {@code gcp:region}. */
    public static ArtifactReposArgs from(Settings s, Resource artifactRegistryApi) {
        return builder().project(s.project()).location(s.region()).names(new Names(s))
                .labels(Labels.of(s, "artifacts"))
                .keepRecent(s.artifacts().keepRecent())
                .deleteUntaggedAfterDays(s.artifacts().deleteUntaggedAfterDays())
                .immutableTags(s.artifacts().immutableTags())
                .artifactRegistryApi(artifactRegistryApi).build();
    }

    public static final class Builder {
        private String project;
        private String location;
        private Names names;
        private Map<String, String> labels = Map.of();
        private int keepRecent = 5;
        private int deleteUntaggedAfterDays = 7;
        private boolean immutableTags = false;
        private Resource artifactRegistryApi;

        /** Required. */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** The region of the repositories (Artifact Registry location). Required. */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** Required. */
        public Builder names(Names names) {
            this.names = names;
            return this;
        }

        /** Labels on every repository; default none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
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
