package dev.headway.infra.testing;

import dev.headway.infra.cli.HeadwayCli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in-process through {@link HeadwayCli#run}, capturing exit code, stdout and stderr. */
public record CliRun(int exit, String out, String err) {
    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HeadwayCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Stack outputs of a dev stack as {@code pulumi stack output --json} prints them, written to a temp file. */
    public static Path outputsFile(String json) throws IOException {
        Path f = Files.createTempFile("outputs", ".json");
        Files.writeString(f, json);
        return f;
    }

    public static final String DEV_OUTPUTS = """
            {
              "project": "headway-dev",
              "region": "us-east1",
              "env": "dev",
              "pipelineRoot": "gs://headway-dev-hw-dev-pipeline-root/runs/",
              "pipelineServiceAccount": "hw-dev-pipelines@headway-dev.iam.gserviceaccount.com",
              "pipelineTemplateRepo": "projects/headway-dev/locations/us-east1/repositories/hw-dev-pipelines",
              "feedTopic": "projects/headway-dev/topics/hw-dev-feed",
              "rawDataset": "hw_dev_raw",
              "endpoints": {"headway-gru": "projects/headway-dev/locations/us-east1/endpoints/1001"}
            }
            """;
}
