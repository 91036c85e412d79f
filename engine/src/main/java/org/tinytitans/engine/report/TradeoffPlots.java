package org.tinytitans.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The report's trade-off plots: accuracy (perplexity for language models) against FLOPs, params, latency and
 * CO2e, one point per finished experiment with its Pareto front, and the unpruned baseline for reference.
 */
public final class TradeoffPlots {
    /** The cost axes, in the order the report shows them. */
    public static final List<String> COSTS = List.of("flops", "params", "latency_ms", "carbon_g");

    private TradeoffPlots() {}

    /** A finished plot: the cost metric it is drawn against and its SVG text. */
    public record Plot(String cost, String title, String svg) {}

    public static String qualityKey(RunResult run) {
        return run.usesPerplexity() ? "perplexity" : "accuracy";
    }

    public static List<Plot> plots(RunResult run) {
        String q = qualityKey(run);
        MetricKind quality = MetricKind.of(q);
        List<Plot> out = new ArrayList<>();
        for (String cost : COSTS) {
            MetricKind kind = MetricKind.of(cost);
            List<SvgScatter.Point> points = points(run.experiments(), cost, q);
            if (points.stream().noneMatch(p -> !p.baseline())) continue;
            String title = quality.label() + " vs " + kind.label();
            out.add(new Plot(cost, title, SvgScatter.render(title, kind.labelWithUnit(), quality.labelWithUnit(), points,
                    kind::format, quality::format)));
        }
        return out;
    }

    /** The experiments' points (in order, with Pareto flags), then one square per distinct baseline. */
    static List<SvgScatter.Point> points(List<ExperimentResult> experiments, String cost, String q) {
        boolean[] pareto = Pareto.front(experiments, cost, q);
        List<SvgScatter.Point> points = new ArrayList<>();
        Set<List<Double>> baselines = new LinkedHashSet<>();
        for (int i = 0; i < experiments.size(); i++) {
            ExperimentResult e = experiments.get(i);
            Double x = cost.equals("carbon_g") ? e.prunedCarbonG() : e.pruned().get(cost);
            Double y = e.pruned().get(q);
            if (!e.complete() || x == null || y == null) continue;
            points.add(new SvgScatter.Point(x, y, e.label(), e.id(), pareto[i], false));
            Double bx = e.baseline().get(cost);
            Double by = e.baseline().get(q);
            if (bx != null && by != null) baselines.add(List.of(bx, by));
        }
        for (List<Double> b : baselines) {
            points.add(new SvgScatter.Point(b.get(0), b.get(1), "baseline", "baseline", false, true));
        }
        return points;
    }
}
