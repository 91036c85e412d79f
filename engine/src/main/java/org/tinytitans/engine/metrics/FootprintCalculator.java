package org.tinytitans.engine.metrics;

import java.time.Duration;

/** Turns energy into CO2e, water and cost with one job's settings. */
public final class FootprintCalculator {

    private final EnergySettings settings;
    private final CarbonIntensity intensity;

    public FootprintCalculator(EnergySettings settings, CarbonIntensityTable table) {
        this.settings = settings;
        this.intensity = table.resolve(settings);
    }

    public CarbonIntensity intensity() {
        return intensity;
    }

    public EnergySettings settings() {
        return settings;
    }

    /** The tutorial's energy: a constant power for a time, kWh = W × h / 1000. */
    public static double kWh(double watts, Duration time) {
        return watts * (time.toNanos() / 3.6e12) / 1000;
    }

    /** Footprint of a phase (or the whole job); device-hours are its duration × the billed devices. */
    public Footprint of(PhaseEnergy e) {
        double hours = e.duration().toNanos() / 3.6e12 * settings.billedDevices();
        return of(e.totalKWh(), e.lowKWh(), e.highKWh(), hours, e.complete());
    }

    /** Footprint of an IT energy with its range, over the given device-hours (null: no rental cost). */
    public Footprint of(double itKWh, double lowKWh, double highKWh, Double deviceHours, boolean complete) {
        double pue = settings.pue();
        double facility = itKWh * pue;
        double ci = intensity.kgPerKWh();
        Double wue = settings.wueLitersPerKWh();
        Double price = settings.pricePerKWh();
        Double hourly = settings.pricePerDeviceHour();
        return new Footprint(itKWh, lowKWh, highKWh, pue, facility, intensity,
                facility * ci, lowKWh * pue * ci, highKWh * pue * ci,
                wue, wue == null ? null : wue * itKWh, wue == null ? null : wue * lowKWh,
                wue == null ? null : wue * highKWh,
                price == null ? null : facility * price,
                deviceHours, hourly == null || deviceHours == null ? null : deviceHours * hourly, complete);
    }

    /**
     * What the pruned model saves against the dense one over {@code inferences} inferences, from each one's
     * measured energy per inference (a latency run's energy divided by its inference count).
     */
    public DeploymentProjection project(EnergyReading densePerInference, EnergyReading prunedPerInference,
                                        long inferences) {
        return DeploymentProjection.of(densePerInference, prunedPerInference, inferences, this);
    }
}
