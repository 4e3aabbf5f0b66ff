package dev.headway.infra.platform;

import dev.headway.infra.config.Settings;

import java.util.EnumSet;
import java.util.Set;

/** The Google APIs the stack uses. A resource that calls an API depends on its enablement. */
public enum Api {
    SERVICE_USAGE("serviceusage.googleapis.com"),
    CLOUD_RESOURCE_MANAGER("cloudresourcemanager.googleapis.com"),
    COMPUTE("compute.googleapis.com"),
    IAM("iam.googleapis.com"),
    IAM_CREDENTIALS("iamcredentials.googleapis.com"),
    STS("sts.googleapis.com"),
    IAP("iap.googleapis.com"),
    OS_LOGIN("oslogin.googleapis.com"),
    STORAGE("storage.googleapis.com"),
    ARTIFACT_REGISTRY("artifactregistry.googleapis.com"),
    BIGQUERY("bigquery.googleapis.com"),
    PUBSUB("pubsub.googleapis.com"),
    DATAFLOW("dataflow.googleapis.com"),
    AIPLATFORM("aiplatform.googleapis.com"),
    MONITORING("monitoring.googleapis.com"),
    LOGGING("logging.googleapis.com"),
    FIRESTORE("firestore.googleapis.com"),
    CONTAINER("container.googleapis.com"),
    RUN("run.googleapis.com"),
    CLOUD_SCHEDULER("cloudscheduler.googleapis.com"),
    SECRET_MANAGER("secretmanager.googleapis.com");

    private final String service;

    Api(String service) {
        this.service = service;
    }

    /** The service name, such as {@code compute.googleapis.com}. */
    public String service() {
        return service;
    }

    /** The short name used in resource names: {@code compute}. */
    public String shortName() {
        return service.substring(0, service.indexOf('.'));
    }

    /** The APIs a stack with these settings uses; optional features add theirs. */
    public static Set<Api> forSettings(Settings settings) {
        Set<Api> apis = EnumSet.range(SERVICE_USAGE, FIRESTORE);
        if (settings.training().gke().isPresent()) {
            apis.add(CONTAINER);
        }
        if (settings.batch().enabled()) {
            apis.add(RUN);
            apis.add(CLOUD_SCHEDULER);
            apis.add(SECRET_MANAGER);
        }
        return apis;
    }
}
