package dev.headway.infra.streaming;

import com.pulumi.core.Output;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.ComponentArgs;
import dev.headway.infra.identity.Identity;

/** Inputs of {@link PollerVm}: the common ones ({@link ComponentArgs}) and these. */
public final class PollerVmArgs extends ComponentArgs {
    final String zone;
    final boolean running;
    final String machineType;
    final String bootImage;
    final Output<String> image;
    final String feedUrl;
    final int pollIntervalSeconds;
    final Output<String> topic;
    final Output<String> subnetwork;
    final Identity identity;

    private PollerVmArgs(Builder b) {
        super(b);
        this.zone = required(b.zone, "zone");
        this.running = b.running;
        this.machineType = required(b.machineType, "machineType");
        this.bootImage = required(b.bootImage, "bootImage");
        this.image = required(b.image, "image");
        this.feedUrl = required(b.feedUrl, "feedUrl");
        this.pollIntervalSeconds = b.pollIntervalSeconds;
        this.topic = required(b.topic, "topic");
        this.subnetwork = required(b.subnetwork, "subnetwork");
        this.identity = required(b.identity, "identity");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * From {@code headway:poller} and {@code headway:zone}; the container image is
     * {@code headway:poller.image} (pinned by digest; required here) inside {@code imageRepo} (an
     * Artifact Registry docker URL, known before the repository exists: {@code ArtifactRepos.address}).
     */
    public static PollerVmArgs from(Settings s, Identity identity, Output<String> imageRepo, Output<String> topic,
                                    Output<String> subnetwork) {
        Settings.Poller p = s.poller();
        String pinned = p.image().orElseThrow(
                () -> new IllegalArgumentException("headway:poller.image is not set: no poller VM to declare"));
        return builder().settings(s, "poller").zone(s.zone())
                .running(p.running()).machineType(p.machineType())
                .image(imageRepo.applyValue(repo -> repo + "/" + pinned))
                .feedUrl(p.feedUrl()).pollIntervalSeconds(p.pollIntervalSeconds())
                .topic(topic).subnetwork(subnetwork).identity(identity).build();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private String zone;
        private boolean running = true;
        private String machineType = "e2-micro";
        private String bootImage = "cos-cloud/cos-stable";
        private Output<String> image;
        private String feedUrl;
        private int pollIntervalSeconds = 30;
        private Output<String> topic;
        private Output<String> subnetwork;
        private Identity identity;

        /** Zone of the VM, inside the subnet's region. Required. */
        public Builder zone(String zone) {
            this.zone = zone;
            return this;
        }

        /** RUNNING when true, TERMINATED (stopped, disk kept) when false: pause and resume. Default true. */
        public Builder running(boolean running) {
            this.running = running;
            return this;
        }

        /** Default e2-micro. */
        public Builder machineType(String machineType) {
            this.machineType = machineType;
            return this;
        }

        /** Boot image; default Container-Optimized OS stable ({@code cos-cloud/cos-stable}). */
        public Builder bootImage(String bootImage) {
            this.bootImage = bootImage;
            return this;
        }

        /** Full reference of the poller container image. Required. */
        public Builder image(Output<String> image) {
            this.image = image;
            return this;
        }

        /** The GTFS-realtime feed to poll. Required. */
        public Builder feedUrl(String feedUrl) {
            this.feedUrl = feedUrl;
            return this;
        }

        /** Default 30 s. */
        public Builder pollIntervalSeconds(int seconds) {
            this.pollIntervalSeconds = seconds;
            return this;
        }

        /** The feed topic the poller publishes to ({@code projects/p/topics/t}). Required. */
        public Builder topic(Output<String> topic) {
            this.topic = topic;
            return this;
        }

        /** The subnet the VM's only (internal) interface is on. Required. */
        public Builder subnetwork(Output<String> subnetwork) {
            this.subnetwork = subnetwork;
            return this;
        }

        /** The poller's service account; the VM waits for it and every grant recorded on it. Required. */
        public Builder identity(Identity identity) {
            this.identity = identity;
            return this;
        }

        public PollerVmArgs build() {
            return new PollerVmArgs(this);
        }
    }
}
