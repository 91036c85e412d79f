package org.tinytitans.engine.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * GPU energy through nvidia-smi. It prefers a cumulative energy counter (NVML's total energy, where the
 * driver's nvidia-smi exposes it as total_energy_consumption with a unit in the header); otherwise it samples
 * power.draw (board power; a 1 s average on Ampere and newer) at every poll and integrates by the trapezoid
 * rule. GPU energy is whole-device: other processes on the same GPU are included.
 */
public final class NvidiaSmiGpuSource implements EnergySource {

    static final String COUNTER_FIELD = "total_energy_consumption";
    /** nvidia-smi's stated accuracy of one power.draw reading. */
    static final double WATTS_ACCURACY = 5.0;

    private final NvidiaSmi smi;
    private final boolean counter;
    private final double joulesPerUnit;
    private final String scope;
    private double[] lastCounter;
    private long lastNanos = Long.MIN_VALUE;
    private double lastWatts;
    private double joules;
    private int samples;

    private NvidiaSmiGpuSource(NvidiaSmi smi, boolean counter, double joulesPerUnit, double[] firstCounter,
                               String names) {
        this.smi = smi;
        this.counter = counter;
        this.joulesPerUnit = joulesPerUnit;
        this.lastCounter = firstCounter;
        this.scope = "device: GPU " + names + " (whole board, all processes on it)";
    }

    /**
     * Opens the best available GPU source for the given devices, or an unmeasured one (never a zero) when
     * nvidia-smi is absent or reports no power. The reason goes to {@code notes}.
     */
    public static EnergySource open(CommandRunner runner, List<Integer> gpuIds, Consumer<String> notes) {
        NvidiaSmi smi = new NvidiaSmi(runner, gpuIds);
        String ids = gpuIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        try {
            Optional<NvidiaSmi.Table> c = smi.query("index,name," + COUNTER_FIELD, true);
            if (c.isPresent()) {
                double unit = unitToJoules(c.get().header());
                double[] values = column(c.get().rows(), 2);
                if (unit > 0 && values != null) {
                    return new NvidiaSmiGpuSource(smi, true, unit, values, names(c.get().rows()));
                }
            }
            Optional<NvidiaSmi.Table> p = smi.query("index,name,power.draw", false);
            if (p.isPresent() && column(p.get().rows(), 2) != null) {
                return new NvidiaSmiGpuSource(smi, false, 1, null, names(p.get().rows()));
            }
            notes.accept("nvidia-smi reports no power for GPU " + ids + ": GPU energy is unmeasured.");
        } catch (IOException notInstalled) {
            notes.accept("nvidia-smi could not be run (" + notInstalled.getMessage()
                    + "): GPU energy for GPU " + ids + " is unmeasured.");
        }
        return FixedSources.unmeasured("gpu", "GPU " + ids + " in use, no power source");
    }

    /** "total_energy_consumption [mJ]" → 0.001; no recognised unit → 0 (the counter is then not trusted). */
    static double unitToJoules(List<String> header) {
        if (header.size() < 3) {
            return 0;
        }
        String h = header.get(2).toLowerCase(Locale.ROOT);
        if (h.contains("[mj]")) {
            return 1e-3;
        }
        if (h.contains("[kj]")) {
            return 1e3;
        }
        if (h.contains("[j]")) {
            return 1;
        }
        return 0;
    }

    /** The numbers of one column, one per GPU; null when any GPU has none ([N/A], [Not Supported]). */
    static double[] column(List<NvidiaSmi.Row> rows, int index) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Optional<Double> v = rows.get(i).number(index);
            if (v.isEmpty()) {
                return null;
            }
            out[i] = v.get();
        }
        return out;
    }

    private static String names(List<NvidiaSmi.Row> rows) {
        return rows.stream().map(r -> r.fields().get(0) + (r.fields().size() > 1 ? " " + r.fields().get(1) : ""))
                .collect(Collectors.joining(", "));
    }

    public boolean usesCounter() {
        return counter;
    }

    @Override
    public String component() {
        return "gpu";
    }

    @Override
    public synchronized void poll(long nanoTime) {
        try {
            if (counter) {
                Optional<NvidiaSmi.Table> t = smi.query("index,name," + COUNTER_FIELD, true);
                double[] now = t.map(tab -> column(tab.rows(), 2)).orElse(null);
                if (now == null || now.length != lastCounter.length) {
                    return;
                }
                for (int i = 0; i < now.length; i++) {
                    // a counter that went down was reset (driver reload): count from zero
                    double d = now[i] >= lastCounter[i] ? now[i] - lastCounter[i] : now[i];
                    joules += d * joulesPerUnit;
                }
                lastCounter = now;
            } else {
                Optional<NvidiaSmi.Table> t = smi.query("index,name,power.draw", false);
                double[] w = t.map(tab -> column(tab.rows(), 2)).orElse(null);
                if (w == null) {
                    return;
                }
                double watts = 0;
                for (double x : w) {
                    watts += x;
                }
                if (lastNanos != Long.MIN_VALUE) {
                    joules += (nanoTime - lastNanos) / 1e9 * (watts + lastWatts) / 2;
                }
                lastNanos = nanoTime;
                lastWatts = watts;
            }
            samples++;
        } catch (IOException e) {
            // nvidia-smi vanished mid-run: the gap is bridged by the next sample
        }
    }

    @Override
    public synchronized double joules() {
        return joules;
    }

    public synchronized int samples() {
        return samples;
    }

    @Override
    public EnergyReading reading(double deltaJoules, Duration over) {
        if (counter) {
            return EnergyReading.of(deltaJoules, EnergyMethod.NVML_ENERGY, scope);
        }
        // ±10% for sampling plus nvidia-smi's own ±5 W per reading, per GPU, over the interval
        double seconds = over.toNanos() / 1e9;
        double abs = WATTS_ACCURACY * smi.gpuIds().size() * seconds;
        double u = EnergyMethod.NVIDIA_SMI_POWER.relativeUncertainty();
        return new EnergyReading(deltaJoules, Math.max(0, deltaJoules * (1 - u) - abs), deltaJoules * (1 + u) + abs,
                EnergyMethod.NVIDIA_SMI_POWER.label(), scope);
    }
}
