package org.tinytitans.engine.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Energy of one phase of a job (or of the whole job), per component. The totals add the measured components
 * only; {@link #unmeasured()} names those left out, so an incomplete total is never mistaken for a full one.
 */
public record PhaseEnergy(String phase, Duration duration, EnergyReading cpu, EnergyReading gpu, EnergyReading ram,
                          double totalKWh, double lowKWh, double highKWh, List<String> unmeasured) {

    public PhaseEnergy {
        unmeasured = List.copyOf(unmeasured);
    }

    public static PhaseEnergy of(String phase, Duration duration, EnergyReading cpu, EnergyReading gpu,
                                 EnergyReading ram) {
        double j = 0;
        double lo = 0;
        double hi = 0;
        List<String> missing = new ArrayList<>();
        String[] names = {"cpu", "gpu", "ram"};
        EnergyReading[] parts = {cpu, gpu, ram};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].measured()) {
                j += parts[i].joules();
                lo += parts[i].lowJ();
                hi += parts[i].highJ();
            } else {
                missing.add(names[i]);
            }
        }
        double k = EnergyReading.JOULES_PER_KWH;
        return new PhaseEnergy(phase, duration, cpu, gpu, ram, j / k, lo / k, hi / k, missing);
    }

    /** True when every component in use was measured or estimated. */
    public boolean complete() {
        return unmeasured.isEmpty();
    }
}
