package dev.headway.infra.config;

import dev.headway.infra.config.Settings.Batch;
import dev.headway.infra.config.Settings.Dataflow;
import dev.headway.infra.config.Settings.Env;
import dev.headway.infra.config.Settings.Training;

/**
 * What a review stack ({@code pr-<number>}, one per pull request, torn down when it closes) may
 * hold: its own topics, datasets and endpoints (without a deployed model; the program deploys none),
 * but no GPU quota, no GKE cluster, no streaming job and no scheduled batch worker. The policy
 * family {@code HW-REV} checks the same promises on the plan.
 */
final class ReviewStacks {
    private ReviewStacks() {
    }

    static void check(Env env, Training training, Dataflow dataflow, Batch batch) {
        if (!env.isReview()) {
            return;
        }
        String why = " in review stack " + env.id() + " (review stacks are torn down with their pull request and hold no GPU quota)";
        if (training.gke().isPresent()) {
            throw new ConfigError("headway:training.gke", "nothing" + why, "a GKE cluster");
        }
        if (training.maxGpus() != 0) {
            throw new ConfigError("headway:training.maxGpus", "0" + why, String.valueOf(training.maxGpus()));
        }
        if (dataflow.job().isPresent()) {
            throw new ConfigError("headway:dataflow.job", "nothing in review stack " + env.id()
                    + " (no streaming job: the smoke-streaming hook tests the topics)", "a Flex Template job");
        }
        if (batch.enabled()) {
            throw new ConfigError("headway:batch.enabled", "false in review stack " + env.id()
                    + " (no scheduled worker with production secrets)", "true");
        }
    }
}
