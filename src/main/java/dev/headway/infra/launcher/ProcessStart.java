package dev.headway.infra.launcher;

import java.lang.management.ManagementFactory;

/** When the process the user started began, even after {@link TunedJvm} relaunched it. */
public final class ProcessStart {
    private ProcessStart() {
    }

    /**
     * Epoch milliseconds: the first JVM's start as passed down by the relaunch, else this JVM's own.
     * The JVM's start time, not {@code ProcessHandle}'s startInstant, which Linux derives from boot
     * time in whole seconds.
     */
    public static long millis() {
        String passed = System.getProperty(TunedJvm.STARTED);
        return passed != null ? Long.parseLong(passed) : ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
