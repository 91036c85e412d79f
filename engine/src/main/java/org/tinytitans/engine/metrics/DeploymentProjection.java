package org.tinytitans.engine.metrics;

/**
 * Savings of the pruned model over the dense one for a number of inferences (usually a million): IT energy,
 * CO2e, water and energy cost. When both per-inference figures come from the same method on the same
 * machine their errors move together (the same TDP or the same sensor), so the saving carries that method's
 * relative uncertainty; with different methods the range is the conservative difference of the two ranges.
 */
public record DeploymentProjection(long inferences, EnergyReading densePerInference,
                                   EnergyReading prunedPerInference, double denseKWh, double prunedKWh,
                                   double savedKWh, double savedLowKWh, double savedHighKWh,
                                   double savedCo2Kg, double savedCo2LowKg, double savedCo2HighKg,
                                   Double savedWaterL, Double savedEnergyCostUsd, CarbonIntensity intensity,
                                   double pue) {

    public static final long MILLION = 1_000_000L;

    /** Energy per inference from a latency run's energy and its number of inferences. */
    public static EnergyReading perInference(EnergyReading latencyRunEnergy, long inferences) {
        return latencyRunEnergy.per(inferences);
    }

    /** Same, from a latency phase: the phase's total (all components) per inference. */
    public static EnergyReading perInference(PhaseEnergy latencyPhase, long inferences) {
        if (!latencyPhase.complete()) {
            throw new IllegalArgumentException("phase '" + latencyPhase.phase() + "' has unmeasured components "
                    + latencyPhase.unmeasured() + ": no per-inference energy");
        }
        String methods = latencyPhase.cpu().method() + "+" + latencyPhase.gpu().method() + "+"
                + latencyPhase.ram().method();
        double k = EnergyReading.JOULES_PER_KWH;
        return new EnergyReading(latencyPhase.totalKWh() * k, latencyPhase.lowKWh() * k,
                latencyPhase.highKWh() * k, methods, "phase " + latencyPhase.phase()).per(inferences);
    }

    static DeploymentProjection of(EnergyReading dense, EnergyReading pruned, long inferences,
                                   FootprintCalculator calc) {
        if (!dense.measured() || !pruned.measured()) {
            throw new IllegalArgumentException("per-inference energy of the "
                    + (dense.measured() ? "pruned" : "dense") + " model is unmeasured: no deployment projection");
        }
        if (inferences <= 0) {
            throw new IllegalArgumentException("inferences must be positive, got " + inferences);
        }
        double k = EnergyReading.JOULES_PER_KWH;
        double denseKWh = dense.joules() * inferences / k;
        double prunedKWh = pruned.joules() * inferences / k;
        double saved = denseKWh - prunedKWh;
        double lo;
        double hi;
        if (dense.method().equals(pruned.method()) && dense.joules() > 0) {
            double u = (dense.highJ() - dense.joules()) / dense.joules();
            lo = saved - Math.abs(saved) * u;
            hi = saved + Math.abs(saved) * u;
        } else {
            lo = (dense.lowJ() - pruned.highJ()) * inferences / k;
            hi = (dense.highJ() - pruned.lowJ()) * inferences / k;
        }
        Footprint f = calc.of(saved, lo, hi, null, true);
        return new DeploymentProjection(inferences, dense, pruned, denseKWh, prunedKWh, saved, lo, hi,
                f.co2Kg(), f.co2LowKg(), f.co2HighKg(), f.waterL(), f.energyCostUsd(), f.intensity(), f.pue());
    }
}
