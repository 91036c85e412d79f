package org.tinytitans.engine.latency;

import java.lang.management.ManagementFactory;

/**
 * The machine's 1-minute load average before and after a measurement, beside the number of CPUs: a latency
 * taken while other processes kept the cores busy (a load above the CPU count) is slower than the model is,
 * and the reader of a result should see that. Negative when the platform does not report a load (Windows).
 */
public record LoadAverage(double before, double after, int cpus) {

    public static double now() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The load observed at the start, completed with the one now. */
    public static LoadAverage since(double before) {
        return new LoadAverage(before, now(), Runtime.getRuntime().availableProcessors());
    }

    /** True when either reading had more runnable processes than CPUs. */
    public boolean busy() {
        return Math.max(before, after) > cpus;
    }
}
