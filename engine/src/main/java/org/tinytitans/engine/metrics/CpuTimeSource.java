package org.tinytitans.engine.metrics;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Estimated CPU energy where no counter is readable: this process's CPU time (all threads, PyTorch's native
 * ones included) × watts per hardware thread. A thread busy for one second costs one thread's TDP share for
 * one second; idle time of the machine is not charged to the job (process scope).
 */
public final class CpuTimeSource implements EnergySource {

    private final LongSupplier cpuNanos;
    private final double wattsPerThread;
    private final String scope;
    private final long startNanos;
    private volatile double joules;

    public CpuTimeSource(LongSupplier cpuNanos, CpuTdp tdp) {
        this.cpuNanos = cpuNanos;
        this.wattsPerThread = tdp.wattsPerThread();
        this.scope = String.format("process: CPU time × %.2f W/thread (%s)", wattsPerThread, tdp.source());
        this.startNanos = cpuNanos.getAsLong();
    }

    /** This JVM's CPU time in ns, or -1 where the platform cannot tell. */
    public static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    public static boolean processCpuTimeAvailable() {
        return processCpuNanos() >= 0;
    }

    @Override
    public String component() {
        return "cpu";
    }

    @Override
    public void poll(long nanoTime) {
        joules = (cpuNanos.getAsLong() - startNanos) / 1e9 * wattsPerThread;
    }

    @Override
    public double joules() {
        return joules;
    }

    @Override
    public EnergyReading reading(double deltaJoules, Duration over) {
        return EnergyReading.of(deltaJoules, EnergyMethod.CPU_TIME_TDP, scope);
    }
}
