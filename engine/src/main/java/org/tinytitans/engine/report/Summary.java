package org.tinytitans.engine.report;

import org.tinytitans.engine.figures.Figures;
import java.util.List;

/**
 * The figures every summary table shows for an experiment, computed once so that HTML, Markdown and the
 * terminal table agree: pruned quality and its change, and the pruned costs relative to the baseline.
 */
public record Summary(ExperimentResult experiment, String qualityKey, Double quality, Double qualityDrop,
                      Double flopsRatio, Double paramsRatio, Double latencyMs, Double carbonG, boolean pareto) {

    /** One summary per experiment, in order; Pareto is quality against FLOPs (params when FLOPs are absent). */
    public static List<Summary> of(RunResult run) {
        String q = TradeoffPlots.qualityKey(run);
        boolean anyFlops = run.experiments().stream().anyMatch(e -> e.pruned().has("flops"));
        boolean[] pareto = Pareto.front(run.experiments(), anyFlops ? "flops" : "params", q);
        List<ExperimentResult> list = run.experiments();
        return java.util.stream.IntStream.range(0, list.size())
                .mapToObj(i -> of(list.get(i), q, pareto[i])).toList();
    }

    static Summary of(ExperimentResult e, String q, boolean pareto) {
        Double quality = e.pruned().get(q);
        Double base = e.baseline().get(q);
        Double drop = null;
        if (quality != null && base != null) {
            // accuracy drops in percentage points; perplexity "drops" as a relative rise, as `expect ... drop` reads
            drop = q.equals("perplexity") ? (base == 0 ? null : (quality - base) / base * 100) : (base - quality) * 100;
        }
        return new Summary(e, q, quality, drop, ratio(e, "flops"), ratio(e, "params"),
                e.pruned().get("latency_ms"), e.prunedCarbonG(), pareto);
    }

    private static Double ratio(ExperimentResult e, String key) {
        Double p = e.pruned().get(key);
        Double b = e.baseline().get(key);
        return p == null || b == null || b == 0 ? null : p / b;
    }

    public String qualityText() {
        return quality == null ? "-" : MetricKind.of(qualityKey).format(quality);
    }

    /** "1.2 points" for accuracy, "4.5%" for perplexity; positive means worse than the baseline. */
    public String dropText() {
        if (qualityDrop == null) return "-";
        return Figures.fixed(qualityDrop, 2) + (qualityKey.equals("perplexity") ? "%" : " points");
    }

    public static String ratioText(Double ratio) {
        return ratio == null ? "-" : Figures.fixed(ratio * 100, 1) + "%";
    }

    public String expectsText() {
        if (experiment.expectations().isEmpty()) return "-";
        return experiment.expectsPassed() + "/" + experiment.expectations().size();
    }
}
