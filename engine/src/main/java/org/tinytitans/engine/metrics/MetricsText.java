package org.tinytitans.engine.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-text lines for results: every figure with its range, method label, scope and source. */
public final class MetricsText {
    private MetricsText() {
    }

    public static List<String> describe(PhaseEnergy e) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s: %.1f s, energy %s kWh [%s, %s]%s", e.phase(),
                e.duration().toNanos() / 1e9, num(e.totalKWh()), num(e.lowKWh()), num(e.highKWh()),
                e.complete() ? "" : " (excludes unmeasured " + String.join(", ", e.unmeasured()) + ")"));
        out.add("  cpu " + component(e.cpu()));
        out.add("  gpu " + component(e.gpu()));
        out.add("  ram " + component(e.ram()));
        return out;
    }

    public static String component(EnergyReading r) {
        if (!r.measured()) {
            return "unmeasured (" + r.scope() + ")";
        }
        return String.format(Locale.ROOT, "%s kWh [%s, %s] %s; %s", num(r.kWh()), num(r.lowKWh()), num(r.highKWh()),
                r.method(), r.scope());
    }

    public static List<String> describe(Footprint f) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "energy %s kWh IT [%s, %s] x PUE %s = %s kWh facility%s",
                num(f.itKWh()), num(f.itLowKWh()), num(f.itHighKWh()), num(f.pue()), num(f.facilityKWh()),
                f.complete() ? "" : " (some components unmeasured: a lower bound)"));
        out.add(String.format(Locale.ROOT, "carbon %s kg CO2e [%s, %s] at %s, annual average intensity",
                num(f.co2Kg()), num(f.co2LowKg()), num(f.co2HighKg()), f.intensity().describe()));
        out.add(f.waterL() == null ? "water not set (give wue in L/kWh)"
                : String.format(Locale.ROOT, "water %s L [%s, %s] at WUE %s L/kWh (on-site)", num(f.waterL()),
                num(f.waterLowL()), num(f.waterHighL()), num(f.wueLitersPerKWh())));
        out.add(f.energyCostUsd() == null ? "energy cost not set (give a price per kWh)"
                : String.format(Locale.ROOT, "energy cost USD %s (facility kWh x price)", num(f.energyCostUsd())));
        if (f.deviceHourCostUsd() != null) {
            out.add(String.format(Locale.ROOT, "rental cost USD %s (%s device-hours x price)", num(f.deviceHourCostUsd()),
                    num(f.deviceHours())));
        }
        return out;
    }

    public static List<String> describe(DeploymentProjection p) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "per %,d inferences: dense %s kWh, pruned %s kWh, saved %s kWh [%s, %s]",
                p.inferences(), num(p.denseKWh()), num(p.prunedKWh()), num(p.savedKWh()), num(p.savedLowKWh()),
                num(p.savedHighKWh())));
        out.add(String.format(Locale.ROOT, "  saved %s kg CO2e [%s, %s] at %s, PUE %s", num(p.savedCo2Kg()),
                num(p.savedCo2LowKg()), num(p.savedCo2HighKg()), p.intensity().describe(), num(p.pue())));
        out.add("  saved water " + (p.savedWaterL() == null ? "not set" : num(p.savedWaterL()) + " L")
                + ", saved energy cost " + (p.savedEnergyCostUsd() == null ? "not set" : "USD " + num(p.savedEnergyCostUsd())));
        out.add("  from " + p.densePerInference().method() + " (dense) and " + p.prunedPerInference().method() + " (pruned)");
        return out;
    }

    public static String describe(MemoryReading m) {
        StringBuilder s = new StringBuilder("memory: peak RSS ");
        s.append(m.peakRssBytes() == null ? "unknown" : mib(m.peakRssBytes()) + " MiB (VmHWM)");
        s.append(", JVM heap peak ").append(mib(m.heapPeakBytes())).append(" MiB");
        for (MemoryReading.GpuMemory g : m.gpus()) {
            s.append(String.format(Locale.ROOT, ", GPU %d peak %d of %d MiB", g.index(), g.peakUsedMiB(), g.totalMiB()));
            if (g.peakProcessMiB() != null) {
                s.append(" (this process ").append(g.peakProcessMiB()).append(" MiB)");
            }
        }
        return s.toString();
    }

    /** Four significant digits, plain for everyday magnitudes. */
    static String num(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        return a >= 1e-3 && a < 1e7 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.3e", v);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
