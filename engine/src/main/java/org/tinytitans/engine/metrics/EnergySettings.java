package org.tinytitans.engine.metrics;

import java.time.Duration;
import java.util.List;

/**
 * What the {@code energy { ... }} block (and the target) say about measuring and pricing energy. Null means
 * "not given". Units: intensity kg CO2e/kWh, WUE litres per IT kWh, prices in USD per kWh and per
 * device-hour, CPU power in watts.
 *
 * @param region            ISO 3166 alpha-3 (or alpha-2, or English name) for the bundled intensity table
 * @param intensityKgPerKWh an explicit intensity; wins over region
 * @param pue               power usage effectiveness, at least 1 (1.0: no facility overhead, as the tutorial)
 * @param wueLitersPerKWh   on-site water usage effectiveness; water stays "not set" without it
 * @param pricePerKWh       electricity price; energy cost stays "not set" without it
 * @param pricePerDeviceHour rental price per device-hour (GPU, or the machine for a CPU job)
 * @param cpuWattsPerThread TDP share per hardware thread for the CPU-time estimate (else table, else 4 W)
 * @param cpuWattsOverride  a constant CPU power; wins over RAPL and estimates (label user:forced)
 * @param gpuIds            GPUs the job uses; empty for a CPU job
 * @param pollInterval      how often counters and power are sampled between phase boundaries
 */
public record EnergySettings(String region, Double intensityKgPerKWh, double pue, Double wueLitersPerKWh,
                             Double pricePerKWh, Double pricePerDeviceHour, Double cpuWattsPerThread,
                             Double cpuWattsOverride, List<Integer> gpuIds, Duration pollInterval) {

    public EnergySettings {
        if (!(pue >= 1.0) || Double.isInfinite(pue)) {
            throw new IllegalArgumentException("pue must be a number of at least 1.0, got " + pue);
        }
        nonNegative("intensity", intensityKgPerKWh);
        nonNegative("wue", wueLitersPerKWh);
        nonNegative("price per kWh", pricePerKWh);
        nonNegative("price per device-hour", pricePerDeviceHour);
        positive("cpu watts per thread", cpuWattsPerThread);
        positive("cpu watts", cpuWattsOverride);
        gpuIds = gpuIds == null ? List.of() : List.copyOf(gpuIds);
        for (int id : gpuIds) {
            if (id < 0) {
                throw new IllegalArgumentException("GPU ids are 0 or more, got " + id);
            }
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofSeconds(1);
        }
    }

    /** Tutorial defaults: no region (0.432 kg/kWh), PUE 1, no water or prices, CPU only, 1 s sampling. */
    public static EnergySettings defaults() {
        return new EnergySettings(null, null, 1.0, null, null, null, null, null, List.of(), Duration.ofSeconds(1));
    }

    public EnergySettings withRegion(String r) {
        return new EnergySettings(r, intensityKgPerKWh, pue, wueLitersPerKWh, pricePerKWh, pricePerDeviceHour,
                cpuWattsPerThread, cpuWattsOverride, gpuIds, pollInterval);
    }

    public EnergySettings withIntensity(Double kgPerKWh) {
        return new EnergySettings(region, kgPerKWh, pue, wueLitersPerKWh, pricePerKWh, pricePerDeviceHour,
                cpuWattsPerThread, cpuWattsOverride, gpuIds, pollInterval);
    }

    public EnergySettings withPue(double p) {
        return new EnergySettings(region, intensityKgPerKWh, p, wueLitersPerKWh, pricePerKWh, pricePerDeviceHour,
                cpuWattsPerThread, cpuWattsOverride, gpuIds, pollInterval);
    }

    public EnergySettings withWue(Double litersPerKWh) {
        return new EnergySettings(region, intensityKgPerKWh, pue, litersPerKWh, pricePerKWh, pricePerDeviceHour,
                cpuWattsPerThread, cpuWattsOverride, gpuIds, pollInterval);
    }

    public EnergySettings withPrices(Double perKWh, Double perDeviceHour) {
        return new EnergySettings(region, intensityKgPerKWh, pue, wueLitersPerKWh, perKWh, perDeviceHour,
                cpuWattsPerThread, cpuWattsOverride, gpuIds, pollInterval);
    }

    public EnergySettings withCpuWatts(Double perThread, Double override) {
        return new EnergySettings(region, intensityKgPerKWh, pue, wueLitersPerKWh, pricePerKWh, pricePerDeviceHour,
                perThread, override, gpuIds, pollInterval);
    }

    public EnergySettings withGpus(List<Integer> ids) {
        return new EnergySettings(region, intensityKgPerKWh, pue, wueLitersPerKWh, pricePerKWh, pricePerDeviceHour,
                cpuWattsPerThread, cpuWattsOverride, ids, pollInterval);
    }

    /** Devices a device-hour price applies to: the GPUs, or the one machine of a CPU job. */
    public int billedDevices() {
        return gpuIds.isEmpty() ? 1 : gpuIds.size();
    }

    private static void nonNegative(String what, Double v) {
        if (v != null && (!(v >= 0) || v.isInfinite())) {
            throw new IllegalArgumentException(what + " must be a number of at least 0, got " + v);
        }
    }

    private static void positive(String what, Double v) {
        if (v != null && (!(v > 0) || v.isInfinite())) {
            throw new IllegalArgumentException(what + " must be a positive number, got " + v);
        }
    }
}
