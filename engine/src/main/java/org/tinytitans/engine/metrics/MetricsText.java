package org.tinytitans.engine.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tinytitans.engine.figures.Figures;

/** Plain-text lines for results: every figure with its range, method label, scope and source. */
public final class MetricsText {
    private MetricsText() {
    }

    public static List<String> describe(PhaseEnergy e) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s: %s s, energy %s kWh%s%s", e.phase(),
                num(e.duration().toNanos() / 1e9), num(e.totalKWh()), Figures.band(e.lowKWh(), e.highKWh()),
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
        return String.format(Locale.ROOT, "%s kWh%s %s; %s", num(r.kWh()), Figures.band(r.lowKWh(), r.highKWh()),
                r.method(), r.scope());
    }

    public static List<String> describe(Footprint f) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "energy %s kWh IT%s x PUE %s = %s kWh facility%s",
                num(f.itKWh()), Figures.band(f.itLowKWh(), f.itHighKWh()), num(f.pue()), num(f.facilityKWh()),
                f.complete() ? "" : " (some components unmeasured: a lower bound)"));
        out.add(String.format(Locale.ROOT, "carbon %s kg CO2e%s at %s, annual average intensity",
                num(f.co2Kg()), Figures.band(f.co2LowKg(), f.co2HighKg()), f.intensity().describe()));
        out.add(f.waterL() == null ? "water not set (give wue in L/kWh)"
                : String.format(Locale.ROOT, "water %s L%s at WUE %s L/kWh (on-site)", num(f.waterL()),
                Figures.band(f.waterLowL(), f.waterHighL()), num(f.wueLitersPerKWh())));
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
        out.add(String.format(Locale.ROOT, "per %,d inferences: dense %s kWh, pruned %s kWh, saved %s kWh%s",
                p.inferences(), num(p.denseKWh()), num(p.prunedKWh()), num(p.savedKWh()), Figures.band(p.savedLowKWh(), p.savedHighKWh())));
        out.add(String.format(Locale.ROOT, "  saved %s kg CO2e%s at %s, PUE %s", num(p.savedCo2Kg()),
                Figures.band(p.savedCo2LowKg(), p.savedCo2HighKg()), p.intensity().describe(), num(p.pue())));
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

    private static String num(double v) {
        return Figures.num(v);
    }

    private static String mib(long bytes) {
        return Figures.num(bytes / 1048576.0);
    }
}
