package org.tinytitans.engine.report;

import org.tinytitans.engine.figures.Figures;
import java.util.List;

/**
 * How a METRICS key is shown and judged: its label, how its value reads, whether lower is better, and how a
 * change is stated (relative for sizes and times, percentage points for accuracy-like fractions).
 */
public record MetricKind(String key, String label, String unit, boolean lowerBetter, boolean fraction) {

    public static final List<MetricKind> KNOWN = List.of(
            new MetricKind("accuracy", "Accuracy", "%", false, true),
            new MetricKind("perplexity", "Perplexity", "", true, false),
            new MetricKind("loss", "Loss", "", true, false),
            new MetricKind("flops", "FLOPs", "", true, false),
            new MetricKind("flops_tutorial", "FLOPs (tutorial)", "", true, false),
            new MetricKind("params", "Params", "", true, false),
            new MetricKind("memory_mb", "Memory", "MB", true, false),
            new MetricKind("latency_ms", "Latency p50", "ms", true, false),
            new MetricKind("throughput", "Throughput", "/s", false, false),
            new MetricKind("sparsity", "Sparsity", "%", false, true),
            new MetricKind("energy_wh", "Energy", "Wh", true, false),
            new MetricKind("carbon_g", "CO2e", "g", true, false));

    public static MetricKind of(String key) {
        for (MetricKind k : KNOWN) {
            if (k.key.equals(key)) return k;
        }
        if (key.startsWith("latency_ms.")) {
            return new MetricKind(key, "Latency " + key.substring("latency_ms.".length()), "ms", true, false);
        }
        boolean lower = !key.contains("throughput") && !key.contains("accuracy");
        return new MetricKind(key, key, "", lower, false);
    }

    /** The value with its unit: "97.5%", "1.2M", "1.3 ms". */
    public String format(double v) {
        if (fraction) return Figures.percent(v);
        if (key.equals("flops") || key.equals("flops_tutorial") || key.equals("params")) return Figures.count(v);
        return Figures.num(v) + (unit.isEmpty() ? "" : " " + unit);
    }

    /** The change from baseline to pruned: points for fractions ("-1.2 points"), else relative ("-50%"). */
    public String change(double baseline, double pruned) {
        return Figures.change(baseline, pruned, fraction ? "fraction" : unit);
    }

    /** Whether pruned is no worse than baseline, for colouring changes. */
    public boolean improved(double baseline, double pruned) {
        return lowerBetter ? pruned <= baseline : pruned >= baseline;
    }

    /**
     * The metric keys worth a table row, known ones first in their usual order: top-level figures and the
     * latency tail (p90, p99); other distribution details stay in the JSON.
     */
    public static List<String> rows(java.util.Collection<String> keys) {
        List<String> out = new java.util.ArrayList<>();
        for (MetricKind k : KNOWN) {
            if (keys.contains(k.key)) out.add(k.key);
            if (k.key.equals("latency_ms")) {
                for (String tail : List.of("latency_ms.p90", "latency_ms.p99")) {
                    if (keys.contains(tail)) out.add(tail);
                }
            }
        }
        for (String key : keys) {
            if (!key.contains(".") && !out.contains(key)) out.add(key);
        }
        return out;
    }

    public String labelWithUnit() {
        return unit.isEmpty() || fraction ? label : label + " (" + unit + ")";
    }
}
