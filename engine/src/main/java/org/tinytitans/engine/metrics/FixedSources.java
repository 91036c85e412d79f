package org.tinytitans.engine.metrics;

import java.time.Duration;

/** Sources that need no hardware: a component not in use, and one in use that nothing can measure. */
final class FixedSources {
    private FixedSources() {
    }

    static EnergySource notUsed(String component, String scope) {
        return new EnergySource() {
            public String component() { return component; }
            public void poll(long nanoTime) { }
            public double joules() { return 0; }
            public EnergyReading reading(double deltaJoules, Duration over) { return EnergyReading.notUsed(scope); }
        };
    }

    static EnergySource unmeasured(String component, String scope) {
        return new EnergySource() {
            public String component() { return component; }
            public void poll(long nanoTime) { }
            public double joules() { return Double.NaN; }
            public EnergyReading reading(double deltaJoules, Duration over) { return EnergyReading.unmeasured(scope); }
        };
    }
}
