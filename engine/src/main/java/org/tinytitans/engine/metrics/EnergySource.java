package org.tinytitans.engine.metrics;

import java.time.Duration;

/**
 * One component's energy source. It keeps a cumulative energy since it was opened; the meter reads it at
 * phase boundaries and differences the values, and polls it in between so counters that wrap or power
 * that must be integrated are sampled often enough.
 */
public interface EnergySource extends AutoCloseable {

    /** "cpu", "gpu" or "ram". */
    String component();

    /** Takes a sample now (nanoTime from the meter's clock). Must not throw for hardware trouble. */
    void poll(long nanoTime);

    /** Cumulative joules since the source was opened, as of the last poll; NaN when unmeasured. */
    double joules();

    /** Labels a difference of two cumulative values taken {@code over} apart. */
    EnergyReading reading(double deltaJoules, Duration over);

    @Override
    default void close() {
    }
}
