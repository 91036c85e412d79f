package org.tinytitans.engine.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.tinytitans.engine.figures.Figures;

/**
 * What the reports show of a sensitivity scan and a ratio search (issue 18): the per-layer sensitivity plot, the
 * search trace, the Pareto front of the trials against the constrained metric, and the chosen per-layer plan as
 * a table. HTML, Markdown and CSV all take the plan's rows from {@link #planRows}.
 */
public final class SearchReport {
    private SearchReport() {}

    /** A figure: a CSS class naming it and its SVG. */
    public record Figure(String kind, String svg) {}

    /** One row of the chosen plan: the prune block (0-based), its granularity, a layer and its removed share (or count). */
    public record PlanRow(int block, String granularity, String layer, String value) {}

    public static List<Figure> figures(ExperimentResult e) {
        List<Figure> out = new ArrayList<>();
        if (e.sensitivity() != null) out.add(new Figure("sensitivity", sensitivity(e.sensitivity())));
        SearchResult s = e.search();
        if (s != null && s.trials().stream().anyMatch(t -> t.objective() != null)) {
            out.add(new Figure("search-trace", trace(s)));
            String metric = s.constrainedMetric();
            if (s.trials().stream().anyMatch(t -> t.objective() != null && t.cost(metric) != null)) {
                out.add(new Figure("search-pareto", pareto(s, metric)));
            }
        }
        return out;
    }

    static String sensitivity(Sensitivity s) {
        MetricKind y = MetricKind.of(s.metric() == null ? "accuracy" : s.metric());
        List<SvgLines.Series> series = new ArrayList<>();
        for (Sensitivity.Curve c : s.layers()) {
            series.add(new SvgLines.Series(c.layer(), c.ratios(), c.values(), null, true, false));
        }
        String title = "Sensitivity: " + y.label().toLowerCase(Locale.ROOT) + " with one layer pruned"
                + (s.granularity() == null ? "" : " (" + s.granularity() + ")");
        return SvgLines.render(title, "removed share of the layer", y.labelWithUnit(), series, s.baseline(),
                s.baseline() == null ? null : "unpruned baseline " + y.format(s.baseline()), null, Figures::percent, y::format);
    }

    static String trace(SearchResult s) {
        MetricKind y = objectiveKind(s);
        Map<String, List<SearchResult.Trial>> byStage = new LinkedHashMap<>();
        for (SearchResult.Trial t : s.trials()) {
            if (t.objective() != null) byStage.computeIfAbsent(t.stage(), k -> new ArrayList<>()).add(t);
        }
        List<SvgLines.Series> series = new ArrayList<>();
        byStage.forEach((stage, trials) -> series.add(new SvgLines.Series(stage,
                trials.stream().mapToDouble(SearchResult.Trial::id).toArray(),
                trials.stream().mapToDouble(SearchResult.Trial::objective).toArray(),
                trials.stream().map(t -> "trial " + t.id() + " (" + stage + "): " + y.format(t.objective())
                        + (t.feasible() ? "" : ", breaks a budget")).toList(), false, false)));
        SearchResult.Trial c = s.chosenTrial();
        SvgLines.Mark mark = c == null || c.objective() == null ? null : new SvgLines.Mark(c.id(), c.objective(), "chosen: trial " + c.id());
        return SvgLines.render("Search trace: " + y.label().toLowerCase(Locale.ROOT) + " per trial", "trial", y.labelWithUnit(), series,
                null, null, mark, v -> Figures.num(v), y::format);
    }

    static String pareto(SearchResult s, String metric) {
        MetricKind y = objectiveKind(s);
        DoubleFunction<String> xf = costFormat(metric);
        List<SearchResult.Trial> feasible = new ArrayList<>();
        List<SearchResult.Trial> infeasible = new ArrayList<>();
        List<SearchResult.Trial> front = new ArrayList<>();
        for (SearchResult.Trial t : s.trials()) {
            if (t.objective() == null || t.cost(metric) == null) continue;
            (t.feasible() ? feasible : infeasible).add(t);
            if (t.pareto()) front.add(t);
        }
        front.sort((a, b) -> Double.compare(a.cost(metric), b.cost(metric)));
        List<SvgLines.Series> series = new ArrayList<>();
        series.add(series("meets every budget", feasible, metric, y, xf, false, false));
        series.add(series("breaks a budget", infeasible, metric, y, xf, false, true));
        if (front.size() > 1) series.add(series("Pareto front", front, metric, y, xf, true, false));
        SearchResult.Trial c = s.chosenTrial();
        SvgLines.Mark mark = c == null || c.objective() == null || c.cost(metric) == null ? null
                : new SvgLines.Mark(c.cost(metric), c.objective(), "chosen: trial " + c.id());
        String budget = s.constraints().stream().filter(k -> k.metric().equals(metric)).findFirst()
                .map(k -> " (budget " + k.op() + " " + (k.relative() ? Figures.percent(k.value()) : xf.apply(k.value())) + ")").orElse("");
        return SvgLines.render(y.label() + " vs " + costLabel(metric) + budget, costLabel(metric), y.labelWithUnit(), series, null, null,
                mark, xf, y::format);
    }

    private static SvgLines.Series series(String name, List<SearchResult.Trial> trials, String metric, MetricKind y,
                                          DoubleFunction<String> xf, boolean line, boolean hollow) {
        return new SvgLines.Series(name, trials.stream().mapToDouble(t -> t.cost(metric)).toArray(),
                trials.stream().mapToDouble(SearchResult.Trial::objective).toArray(),
                trials.stream().map(t -> "trial " + t.id() + " (" + t.stage() + "): " + y.format(t.objective()) + " at "
                        + xf.apply(t.cost(metric))).toList(), line, hollow);
    }

    private static MetricKind objectiveKind(SearchResult s) {
        return MetricKind.of(s.objective() == null ? "accuracy" : s.objective());
    }

    private static String costLabel(String metric) {
        return switch (metric) {
            case "flops" -> "FLOPs";
            case "params" -> "Params";
            case "memory" -> "Memory (MB)";
            case "latency" -> "Latency (ms)";
            default -> metric;
        };
    }

    private static DoubleFunction<String> costFormat(String metric) {
        return switch (metric) {
            case "memory" -> v -> Figures.num(v / (1024 * 1024)) + " MB";
            case "latency" -> v -> Figures.num(v) + " ms";
            default -> Figures::count;
        };
    }

    /** The chosen plan, one row per layer (or per layer-pruning block), in block order; empty without a chosen trial. */
    public static List<PlanRow> planRows(SearchResult s) {
        List<PlanRow> rows = new ArrayList<>();
        SearchResult.Trial c = s == null ? null : s.chosenTrial();
        if (c == null) return rows;
        for (SearchResult.BlockPlan b : c.plan()) {
            String granularity = b.granularity() == null ? "-" : b.granularity();
            if (b.count() != null) {
                rows.add(new PlanRow(b.block(), granularity, "-", "count " + b.count()));
            }
            b.ratios().forEach((layer, r) -> rows.add(new PlanRow(b.block(), granularity, layer, Figures.percent(r))));
        }
        return rows;
    }

    /** The chosen plan in one CSV cell: "block 0 filters: conv1 30.0%, conv2 55.0%; block 1 layers: count 3". */
    public static String planText(SearchResult s) {
        SearchResult.Trial c = s == null ? null : s.chosenTrial();
        if (c == null) return "";
        List<String> blocks = new ArrayList<>();
        for (SearchResult.BlockPlan b : c.plan()) {
            List<String> parts = new ArrayList<>();
            if (b.count() != null) parts.add("count " + b.count());
            b.ratios().forEach((layer, r) -> parts.add(layer + " " + Figures.percent(r)));
            blocks.add("block " + b.block() + (b.granularity() == null ? "" : " " + b.granularity()) + ": " + String.join(", ", parts));
        }
        return String.join("; ", blocks);
    }

    /** The one-line account of the chosen trial above its plan table. */
    static String chosenLine(SearchResult s) {
        SearchResult.Trial c = s.chosenTrial();
        if (c == null) return "No plan met every budget in " + s.trials().size() + " trials.";
        MetricKind y = objectiveKind(s);
        String metric = s.constrainedMetric();
        Double cost = c.cost(metric);
        return "Chosen: trial " + c.id() + " of " + s.trials().size() + " (" + c.stage() + "), " + y.label().toLowerCase(Locale.ROOT) + " "
                + (c.objective() == null ? "-" : y.format(c.objective()))
                + (cost == null ? "" : ", " + costLabel(metric).replaceAll(" \\(.*\\)", "") + " " + costFormat(metric).apply(cost))
                + (s.allocation() == null ? "" : "; allocation " + s.allocation()) + ".";
    }

    /** The HTML of an experiment's scan and search: figures, then the chosen plan's table. */
    static void html(StringBuilder h, ExperimentResult e) {
        List<Figure> figures = figures(e);
        if (figures.isEmpty() && e.search() == null) return;
        h.append("<h3>").append(e.search() != null ? "Ratio search" : "Sensitivity").append("</h3>\n");
        if (!figures.isEmpty()) {
            h.append("<div class=\"plots\">\n");
            for (Figure f : figures) h.append("<figure class=\"").append(f.kind()).append("\">\n").append(f.svg()).append("</figure>\n");
            h.append("</div>\n");
        }
        if (e.search() == null) return;
        h.append("<p>").append(Xml.esc(chosenLine(e.search()))).append("</p>\n");
        List<PlanRow> rows = planRows(e.search());
        if (rows.isEmpty()) return;
        h.append("<table class=\"plan\">\n<thead><tr><th>Block</th><th>Granularity</th><th>Layer</th><th>Removed</th></tr></thead>\n<tbody>\n");
        for (PlanRow r : rows) {
            h.append("<tr><td class=\"num\">").append(r.block()).append("</td><td>").append(Xml.esc(r.granularity())).append("</td><td><code>")
                    .append(Xml.esc(r.layer())).append("</code></td><td class=\"num\">").append(Xml.esc(r.value())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** The Markdown of an experiment's search: the chosen line and plan table (figures are HTML-only). */
    static void markdown(StringBuilder m, ExperimentResult e) {
        if (e.search() == null) return;
        m.append("**Ratio search.** ").append(chosenLine(e.search())).append("\n\n");
        List<PlanRow> rows = planRows(e.search());
        if (rows.isEmpty()) return;
        m.append("| Block | Granularity | Layer | Removed |\n|--:|---|---|--:|\n");
        for (PlanRow r : rows) {
            m.append("| ").append(r.block()).append(" | ").append(r.granularity()).append(" | ").append(r.layer().replace("|", "\\|"))
                    .append(" | ").append(r.value()).append(" |\n");
        }
        m.append('\n');
    }
}
