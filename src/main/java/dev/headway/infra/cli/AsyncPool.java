package dev.headway.infra.cli;

/**
 * The JVM's default async pool for the CLI role, set before anything touches it.
 *
 * <p>The Pulumi SDK runs its work with {@code CompletableFuture.*Async} on the JDK's default
 * executor. On a machine with fewer than three cores the common fork-join pool has a parallelism of
 * one, and the JDK then runs every async task on a brand-new thread: a synth of the dev stack started
 * ~750 threads, each taking a fresh allocation buffer (hundreds of MiB of eden churn, a dozen young
 * collections). A common pool of two workers is what the SDK gets on any four-core laptop.
 *
 * <p>Both roles set this (the engine role in {@code launcher/EngineProgram}), and only when the user
 * has not set {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism} themselves.
 */
public final class AsyncPool {
    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";
    private static final int MIN_WORKERS = 2;

    private AsyncPool() {
    }

    /** Must run before the first {@code CompletableFuture} or {@code ForkJoinPool} use. */
    public static void useCommonPool() {
        if (System.getProperty(PARALLELISM) == null && Runtime.getRuntime().availableProcessors() - 1 < MIN_WORKERS) {
            System.setProperty(PARALLELISM, Integer.toString(MIN_WORKERS));
        }
    }
}
