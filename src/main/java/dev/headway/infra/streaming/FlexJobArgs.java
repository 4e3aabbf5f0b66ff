package dev.headway.infra.streaming;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.ComponentArgs;
import dev.headway.infra.conventions.Names;
import dev.headway.infra.identity.Identity;

import java.util.List;
import java.util.Map;

/** Inputs of {@link FlexJob}: the common ones ({@link ComponentArgs}) and these. */
public final class FlexJobArgs extends ComponentArgs {
    final String region;
    final String jobName;
    final String templateGcsPath;
    final Map<String, String> parameters;
    final Output<String> inputSubscription;
    final Output<String> outputTable;
    final Output<String> subnetwork;
    final Output<String> stagingLocation;
    final Output<String> tempLocation;
    final String machineType;
    final int maxWorkers;
    final Identity worker;
    final List<Resource> dependsOn;

    private FlexJobArgs(Builder b) {
        super(b);
        this.region = required(b.region, "region");
        this.jobName = required(b.jobName, "jobName");
        this.templateGcsPath = required(b.templateGcsPath, "templateGcsPath");
        this.parameters = Map.copyOf(b.parameters);
        this.inputSubscription = required(b.inputSubscription, "inputSubscription");
        this.outputTable = required(b.outputTable, "outputTable");
        this.subnetwork = required(b.subnetwork, "subnetwork");
        this.stagingLocation = required(b.stagingLocation, "stagingLocation");
        this.tempLocation = required(b.tempLocation, "tempLocation");
        this.machineType = required(b.machineType, "machineType");
        this.maxWorkers = b.maxWorkers;
        this.worker = required(b.worker, "worker");
        this.dependsOn = List.copyOf(b.dependsOn);
        for (String reserved : List.of(FlexJob.INPUT_SUBSCRIPTION, FlexJob.OUTPUT_TABLE)) {
            if (parameters.containsKey(reserved)) {
                throw new IllegalArgumentException("template parameter " + reserved + " is set from the stack's outputs, not from config");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The job {@code headway:dataflow.job} configures, in {@code gcp:region}, named
     * {@code hw-<env>-feed-to-bigquery}: reads the feed subscription, writes {@code outputTable},
     * stages in {@code staging}; on delete it drains before the subscription and the Dataflow API go.
     */
    public static FlexJobArgs from(Settings s, Settings.FlexJob job, Identity worker, FeedTopics feed,
                                   DataflowStaging staging, Output<String> outputTable, Output<String> subnetwork,
                                   Resource dataflowApi) {
        return builder().settings(s, "dataflow").region(s.region()).jobName(new Names(s).of("feed-to-bigquery"))
                .templateGcsPath(job.templateGcsPath()).parameters(job.parameters())
                .inputSubscription(feed.subscriptionId()).outputTable(outputTable).subnetwork(subnetwork)
                .stagingLocation(staging.stagingLocation()).tempLocation(staging.tempLocation())
                .machineType(s.dataflow().workerMachineType()).maxWorkers(s.dataflow().maxWorkers())
                .worker(worker).dependsOn(List.of(feed.subscription(), dataflowApi)).build();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private String region;
        private String jobName;
        private String templateGcsPath;
        private Map<String, String> parameters = Map.of();
        private Output<String> inputSubscription;
        private Output<String> outputTable;
        private Output<String> subnetwork;
        private Output<String> stagingLocation;
        private Output<String> tempLocation;
        private String machineType = "n2-standard-2";
        private int maxWorkers = 1;
        private Identity worker;
        private List<Resource> dependsOn = List.of();

        /** Region the job runs in (the subnet's). Required. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Dataflow job name. Required. */
        public Builder jobName(String jobName) {
            this.jobName = jobName;
            return this;
        }

        /** gs:// path of the Flex Template spec. Required. */
        public Builder templateGcsPath(String path) {
            this.templateGcsPath = path;
            return this;
        }

        /** Template parameters besides inputSubscription and outputTable; default none. */
        public Builder parameters(Map<String, String> parameters) {
            this.parameters = parameters;
            return this;
        }

        /** The subscription the job reads ({@code projects/p/subscriptions/s}). Required. */
        public Builder inputSubscription(Output<String> subscription) {
            this.inputSubscription = subscription;
            return this;
        }

        /** The table the job writes ({@code project:dataset.table}). Required. */
        public Builder outputTable(Output<String> table) {
            this.outputTable = table;
            return this;
        }

        /** Workers' subnet (self link); workers get private IPs only. Required. */
        public Builder subnetwork(Output<String> subnetwork) {
            this.subnetwork = subnetwork;
            return this;
        }

        /** Required. */
        public Builder stagingLocation(Output<String> location) {
            this.stagingLocation = location;
            return this;
        }

        /** Required. */
        public Builder tempLocation(Output<String> location) {
            this.tempLocation = location;
            return this;
        }

        /** Worker machine type; default n2-standard-2. */
        public Builder machineType(String machineType) {
            this.machineType = machineType;
            return this;
        }

        /** Autoscaling ceiling; default 1. */
        public Builder maxWorkers(int maxWorkers) {
            this.maxWorkers = maxWorkers;
            return this;
        }

        /** The worker service account; the job waits for it and every grant recorded on it. Required. */
        public Builder worker(Identity worker) {
            this.worker = worker;
            return this;
        }

        /**
         * Further resources the job depends on: the subscription it reads (so on delete the job
         * drains before the subscription goes) and the Dataflow API.
         */
        public Builder dependsOn(List<Resource> dependsOn) {
            this.dependsOn = dependsOn;
            return this;
        }

        public FlexJobArgs build() {
            return new FlexJobArgs(this);
        }
    }
}
