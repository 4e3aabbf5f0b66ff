package dev.headway.infra.streaming;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.headway.infra.identity.Identity;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Inputs of {@link FlexJob}. */
public final class FlexJobArgs {
    final String project;
    final String region;
    final String jobName;
    final Map<String, String> labels;
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
        this.project = Objects.requireNonNull(b.project, "project");
        this.region = Objects.requireNonNull(b.region, "region");
        this.jobName = Objects.requireNonNull(b.jobName, "jobName");
        this.labels = Map.copyOf(b.labels);
        this.templateGcsPath = Objects.requireNonNull(b.templateGcsPath, "templateGcsPath");
        this.parameters = Map.copyOf(b.parameters);
        this.inputSubscription = Objects.requireNonNull(b.inputSubscription, "inputSubscription");
        this.outputTable = Objects.requireNonNull(b.outputTable, "outputTable");
        this.subnetwork = Objects.requireNonNull(b.subnetwork, "subnetwork");
        this.stagingLocation = Objects.requireNonNull(b.stagingLocation, "stagingLocation");
        this.tempLocation = Objects.requireNonNull(b.tempLocation, "tempLocation");
        this.machineType = Objects.requireNonNull(b.machineType, "machineType");
        this.maxWorkers = b.maxWorkers;
        this.worker = Objects.requireNonNull(b.worker, "worker");
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

    public static final class Builder {
        private String project;
        private String region;
        private String jobName;
        private Map<String, String> labels = Map.of();
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

        /** Required. */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

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

        /** Labels on the job; default none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
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
