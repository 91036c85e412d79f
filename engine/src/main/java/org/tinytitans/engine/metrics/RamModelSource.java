package org.tinytitans.engine.metrics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Estimated memory energy: resident memory × 0.3725 W per GB (Green Algorithms' memoryPower), integrated by
 * the trapezoid rule over the meter's polls. Sizes are taken in GiB, as RAM sizes are binary.
 */
public final class RamModelSource implements EnergySource {

    public static final double WATTS_PER_GB = 0.3725;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final LongSupplier residentBytes;
    private final String scope;
    private long lastNanos = Long.MIN_VALUE;
    private double lastWatts;
    private volatile double joules;

    public RamModelSource(LongSupplier residentBytes, String what) {
        this.residentBytes = residentBytes;
        this.scope = "process: " + what + " × " + WATTS_PER_GB + " W/GB (Green Algorithms)";
    }

    /** Current VmRSS of this process from /proc/self/status, or -1. */
    public static long residentBytes(Path procStatus, SysfsReader reader) {
        return ProcessMemory.statusKb(procStatus, reader, "VmRSS") * 1024;
    }

    @Override
    public String component() {
        return "ram";
    }

    @Override
    public synchronized void poll(long nanoTime) {
        long bytes = residentBytes.getAsLong();
        if (bytes < 0) {
            return;
        }
        double watts = bytes / GIB * WATTS_PER_GB;
        if (lastNanos != Long.MIN_VALUE) {
            joules += (nanoTime - lastNanos) / 1e9 * (watts + lastWatts) / 2;
        }
        lastNanos = nanoTime;
        lastWatts = watts;
    }

    @Override
    public double joules() {
        return joules;
    }

    @Override
    public EnergyReading reading(double deltaJoules, Duration over) {
        return EnergyReading.of(deltaJoules, EnergyMethod.RAM_MODEL, scope);
    }
}
