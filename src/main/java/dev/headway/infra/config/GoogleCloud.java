package dev.headway.infra.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Google Cloud's rules for values in config: regions, zones, machine types, accelerators, ids. */
public final class GoogleCloud {
    private GoogleCloud() {
    }

    /** Public Google Cloud regions (compute), as of the pinned provider's release. */
    public static final List<String> REGIONS = List.of(
            "africa-south1", "asia-east1", "asia-east2", "asia-northeast1", "asia-northeast2", "asia-northeast3",
            "asia-south1", "asia-south2", "asia-southeast1", "asia-southeast2", "australia-southeast1",
            "australia-southeast2", "europe-central2", "europe-north1", "europe-southwest1", "europe-west1",
            "europe-west2", "europe-west3", "europe-west4", "europe-west6", "europe-west8", "europe-west9",
            "europe-west10", "europe-west12", "me-central1", "me-central2", "me-west1", "northamerica-northeast1",
            "northamerica-northeast2", "southamerica-east1", "southamerica-west1", "us-central1", "us-east1",
            "us-east4", "us-east5", "us-south1", "us-west1", "us-west2", "us-west3", "us-west4");

    /** BigQuery multi-regions; a dataset may also live in any region above. */
    public static final List<String> BIGQUERY_MULTI_REGIONS = List.of("US", "EU");

    /** Firestore multi-region locations; a database may also live in any region above. */
    public static final List<String> FIRESTORE_MULTI_REGIONS = List.of("nam5", "eur3");

    public static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    public static final Pattern ZONE = Pattern.compile("([a-z]+-[a-z]+\\d+)-[a-f]");
    public static final Pattern MACHINE_TYPE = Pattern.compile(
            "(e2|n1|n2|n2d|n4|c2|c2d|c3|c3d|c4|t2d|t2a|m1|m2|m3|a2|a3|g2)-(micro|small|medium|standard|highmem|highcpu|highgpu|megagpu|ultragpu|ultramem|megamem)(-\\d{1,3}[a-z]?)?");
    /** A resource name segment: lowercase letters, digits and hyphens, starting with a letter. */
    public static final Pattern NAME = Pattern.compile("[a-z]([-a-z0-9]{0,30}[a-z0-9])?");
    public static final Pattern LABEL_KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    public static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_-]{0,63}");
    public static final Pattern GCS_PATH = Pattern.compile("gs://[a-z0-9][a-z0-9._-]{1,61}[a-z0-9](/[^\\s]*)?");
    public static final Pattern CRON = Pattern.compile("(\\S+\\s+){4}\\S+");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}");
    public static final Pattern GITHUB_REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}");
    public static final Pattern SECRET_ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    /**
     * An image in one of the stack's repositories pinned by digest ({@code headway-poller@sha256:<64 hex>}):
     * a digest exists only once the image has been pushed, so a workload given one never starts on
     * an image that the same {@code up} has not yet been able to receive (OCI image spec, digests).
     */
    public static final Pattern PINNED_IMAGE = Pattern.compile("[a-z0-9][a-z0-9._/-]*@sha256:[a-f0-9]{64}");
    public static final Pattern IMAGE_REF = Pattern.compile("[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9._-]{1,128}|@sha256:[a-f0-9]{64})?");

    /** GKE spells accelerator types differently from Vertex AI. */
    public static final Map<String, String> GKE_ACCELERATOR = Map.of(
            "NVIDIA_TESLA_A100", "nvidia-tesla-a100",
            "NVIDIA_A100_80GB", "nvidia-a100-80gb",
            "NVIDIA_H100_80GB", "nvidia-h100-80gb",
            "NVIDIA_L4", "nvidia-l4",
            "NVIDIA_TESLA_T4", "nvidia-tesla-t4",
            "NVIDIA_TESLA_V100", "nvidia-tesla-v100");

    /** Vertex AI quota metric suffix per accelerator (custom_model_training_*_gpus). */
    public static final Map<String, String> VERTEX_GPU_QUOTA = Map.of(
            "NVIDIA_TESLA_A100", "nvidia_a100",
            "NVIDIA_A100_80GB", "nvidia_a100_80gb",
            "NVIDIA_H100_80GB", "nvidia_h100",
            "NVIDIA_L4", "nvidia_l4",
            "NVIDIA_TESLA_T4", "nvidia_t4",
            "NVIDIA_TESLA_V100", "nvidia_v100");

    public static final List<String> RELEASE_CHANNELS = List.of("RAPID", "REGULAR", "STABLE");

    /** Keys of the gcp provider's config (besides the per-service {@code gcp:<service>CustomEndpoint} keys). */
    public static final List<String> PROVIDER_KEYS = List.of("accessToken", "batching", "billingProject", "credentials",
            "defaultLabels", "disableGooglePartnerName", "googlePartnerName", "impersonateServiceAccount",
            "impersonateServiceAccountDelegates", "project", "region", "requestReason", "requestTimeout", "scopes",
            "userProjectOverride", "zone");

    /** GPUs per machine that Google's GPU machine types come with (a2-highgpu-1g .. a2-megagpu-16g). */
    public static final List<Integer> GPUS_PER_MACHINE = List.of(1, 2, 4, 8, 16);

    /** g2 (L4) machine sizes, in vCPUs. */
    public static final List<Integer> G2_SIZES = List.of(4, 8, 12, 16, 24, 32, 48, 96);
}
