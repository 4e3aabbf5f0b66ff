package dev.headway.infra.streaming;

/**
 * The poller VM's startup script (Container-Optimized OS): runs on every boot, so a resumed VM
 * (TERMINATED to RUNNING) starts polling again. It authenticates Docker to Artifact Registry with
 * the VM's own service account, and runs the poller container with the feed topic, the feed URL
 * and the polling interval in its environment, logging to Cloud Logging.
 */
final class StartupScript {
    static final String CONTAINER = "headway-poller";

    private StartupScript() {
    }

    /**
     * @param image full image reference, {@code <region>-docker.pkg.dev/<project>/<repo>/<name>:<tag>}
     * @param topic the feed topic, {@code projects/<project>/topics/<name>}
     */
    static String render(String image, String topic, String feedUrl, int pollIntervalSeconds) {
        String registry = image.substring(0, image.indexOf('/'));
        return String.join("\n",
                "#!/bin/bash",
                "# Headway GTFS-realtime poller. Managed by headway-infra (Pulumi); edits are overwritten.",
                "set -euo pipefail",
                "# Container-Optimized OS: / is read-only, /var is writable; Docker's config lives here.",
                "export HOME=/var/lib/" + CONTAINER,
                "mkdir -p \"$HOME\"",
                "docker-credential-gcr configure-docker --registries=" + quote(registry),
                "docker pull " + quote(image),
                "docker rm -f " + CONTAINER + " >/dev/null 2>&1 || true",
                "docker run --detach --name " + CONTAINER + " --restart=always --log-driver=gcplogs \\",
                "  --env FEED_TOPIC=" + quote(topic) + " \\",
                "  --env FEED_URL=" + quote(feedUrl) + " \\",
                "  --env POLL_INTERVAL_SECONDS=" + pollIntervalSeconds + " \\",
                "  " + quote(image),
                "");
    }

    /** Single-quotes {@code s} for bash, so no character in it is interpreted by the shell. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
