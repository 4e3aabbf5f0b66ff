package dev.headway.infra.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in {@code pulumi} executable (a shell script in a temp directory) for testing the Automation API
 * commands where the real CLI cannot be installed. It appends each invocation's arguments to {@code calls.log}
 * and answers what {@code com.pulumi.automation} 1.36.1 reads back: {@code version} (v3.150.0, which makes the
 * SDK use the file event log rather than its gRPC one), {@code stack select}, {@code up}/{@code destroy}/
 * {@code refresh} (exit 0, or exit 255 with an error on stderr when the file {@code fail-<command>} exists),
 * {@code preview} (a summary and a cancel event written to the {@code --event-log} file), {@code stack output
 * --json} (the contents of {@code outputs.json}) and {@code stack history --json} (one succeeded update) and {@code config set}
 * (recorded only).
 * For {@code headway-infra adopt --apply}: {@code import --file F} runs the executable {@code import-check} with F
 * when present (its exit code is the import's), and {@code preview --json} prints {@code preview.json} and exits
 * with the number in {@code preview-exit} (0 when absent).
 */
public final class StandInPulumi {
    private final Path dir;

    private StandInPulumi(Path dir) {
        this.dir = dir;
    }

    public static StandInPulumi create(String outputsJson) throws IOException {
        Path dir = Files.createTempDirectory("standin-pulumi");
        Files.writeString(dir.resolve("outputs.json"), outputsJson);
        Path script = dir.resolve("pulumi");
        Files.writeString(script, """
                #!/bin/bash
                here="$(cd "$(dirname "$0")" && pwd)"
                echo "$*" >> "$here/calls.log"
                case "$1" in
                  version) echo "v3.150.0" ;;
                  stack)
                    case "$2" in
                      select)
                        if [ -e "$here/no-stack" ]; then echo "error: no stack named '$4' found" >&2; exit 255; fi ;;
                      output) cat "$here/outputs.json" ;;
                      history)
                        echo '[{"kind":"update","startTime":"2026-01-01T10:00:00Z","message":"","environment":{},"config":{},"result":"succeeded","endTime":"2026-01-01T10:01:00Z","version":7,"resourceChanges":{"create":3,"same":40}}]' ;;
                    esac ;;
                  config) ;;
                  up|destroy|refresh)
                    if [ -e "$here/fail-$1" ]; then echo "error: resource hw-dev-feed failed: googleapi: Error 403: permission denied" >&2; exit 255; fi
                    echo "Updating (dev):"
                    echo "Resources: 3 created, 40 unchanged" ;;
                  import)
                    file=""
                    prev=""
                    for a in "$@"; do if [ "$prev" = "--file" ]; then file="$a"; fi; prev="$a"; done
                    if [ -x "$here/import-check" ]; then "$here/import-check" "$file" || exit $?; fi
                    echo "Importing (dev):" ;;
                  preview)
                    log=""
                    prev=""
                    json=""
                    for a in "$@"; do if [ "$prev" = "--event-log" ]; then log="$a"; fi; if [ "$a" = "--json" ]; then json=1; fi; prev="$a"; done
                    if [ -n "$json" ]; then cat "$here/preview.json"; exit "$(cat "$here/preview-exit" 2>/dev/null || echo 0)"; fi
                    echo "Previewing update (dev):"
                    if [ -n "$log" ]; then
                      echo '{"sequence":1,"timestamp":1767261600,"summaryEvent":{"maybeCorrupt":false,"durationSeconds":2,"resourceChanges":{"create":2,"same":41},"policyPacks":{}}}' >> "$log"
                      echo '{"sequence":2,"timestamp":1767261601,"cancelEvent":{}}' >> "$log"
                    fi ;;
                  *) echo "stand-in pulumi: unexpected command: $*" >&2; exit 2 ;;
                esac
                """, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new StandInPulumi(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Makes {@code pulumi <command>} fail from now on (up, destroy, refresh). */
    public void fail(String command) throws IOException {
        Files.writeString(dir.resolve("fail-" + command), "");
    }

    /** Each invocation's arguments, in order. */
    public List<String> calls() throws IOException {
        Path log = dir.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
