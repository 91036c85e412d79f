package org.tinytitans.engine.metrics;

import java.time.Duration;

/** A constant power the user gave for the CPU (cpuWattsOverride), times wall time: the tutorial's W × h. */
public final class ForcedPowerSource implements EnergySource {

    private final double watts;
    private final String scope;
    private Long firstNanos;
    private volatile double joules;

    public ForcedPowerSource(double watts) {
        if (!(watts > 0)) {
            throw new IllegalArgumentException("CPU watts must be positive, got " + watts);
        }
        this.watts = watts;
        this.scope = String.format("user-given %.1f W × wall time", watts);
    }

    @Override
    public String component() {
        return "cpu";
    }

    @Override
    public synchronized void poll(long nanoTime) {
        if (firstNanos == null) {
            firstNanos = nanoTime;
        }
        joules = (nanoTime - firstNanos) / 1e9 * watts;
    }

    @Override
    public double joules() {
        return joules;
    }

    @Override
    public EnergyReading reading(double deltaJoules, Duration over) {
        return EnergyReading.of(deltaJoules, EnergyMethod.USER_FORCED, scope);
    }
}
