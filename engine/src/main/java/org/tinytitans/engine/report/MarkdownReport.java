package org.tinytitans.engine.report;

import org.tinytitans.engine.figures.Figures;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The report as GitHub-flavoured Markdown: tables to paste into a paper draft or a pull request. */
public final class MarkdownReport {
    private MarkdownReport() {}

    public static String render(RunResult run) {
        StringBuilder m = new StringBuilder();
        m.append("# Tiny Titans report: ").append(run.stem()).append("\n\n");
        m.append("Spec `").append(run.spec() == null ? "-" : run.spec()).append("`, status **").append(run.status()).append("**");
        if (run.finishedAt() != null) m.append(", finished ").append(run.finishedAt());
        m.append(".\n\n");
        List<Summary> rows = Summary.of(run);
        if (!rows.isEmpty()) {
            String q = MetricKind.of(TradeoffPlots.qualityKey(run)).label();
            m.append("## Summary\n\n| | Experiment | Status | ").append(q).append(" | ")
                    .append(q.equals("Perplexity") ? "Rise" : "Drop").append(" | FLOPs | Params | Latency | CO2e | Expectations |\n");
            m.append("|---|---|---|--:|--:|--:|--:|--:|--:|---|\n");
            for (Summary s : rows) {
                ExperimentResult e = s.experiment();
                m.append("| ").append(s.pareto() ? "*" : "").append(" | ").append(cell(e.title())).append(" | ").append(e.status())
                        .append(" | ").append(s.qualityText()).append(" | ").append(s.dropText()).append(" | ")
                        .append(Summary.ratioText(s.flopsRatio())).append(" | ").append(Summary.ratioText(s.paramsRatio())).append(" | ")
                        .append(s.latencyMs() == null ? "-" : MetricKind.of("latency_ms").format(s.latencyMs())).append(" | ")
                        .append(s.carbonG() == null ? "-" : MetricKind.of("carbon_g").format(s.carbonG())).append(" | ")
                        .append(s.expectsText()).append(" |\n");
            }
            m.append("\n`*` Pareto-optimal (").append(q.toLowerCase(java.util.Locale.ROOT))
                    .append(" against FLOPs); FLOPs and params as a share of the baseline.\n\n");
        }
        for (ExperimentResult e : run.experiments()) {
            m.append("## ").append(e.title()).append("\n\n");
            if (e.model() != null) m.append("Model `").append(e.model()).append("`");
            if (e.dataset() != null) m.append(", dataset `").append(e.dataset()).append("`");
            m.append(e.model() != null || e.dataset() != null ? ", " : "").append("status ").append(e.status()).append(".\n\n");
            if (e.error() != null) m.append("**Error:** ").append(e.error()).append("\n\n");
            Set<String> keys = new LinkedHashSet<>(e.baseline().keys());
            keys.addAll(e.pruned().keys());
            List<String> metricRows = MetricKind.rows(keys);
            if (!metricRows.isEmpty()) {
                m.append("| Metric | Baseline | Pruned | Change |\n|---|--:|--:|--:|\n");
                for (String key : metricRows) {
                    MetricKind k = MetricKind.of(key);
                    Double b = e.baseline().get(key);
                    Double p = e.pruned().get(key);
                    m.append("| ").append(k.label()).append(" | ").append(b == null ? "-" : k.format(b)).append(" | ")
                            .append(p == null ? "-" : k.format(p)).append(" | ")
                            .append(b != null && p != null ? k.change(b, p) : "").append(" |\n");
                }
                m.append('\n');
            }
            if (!e.expectations().isEmpty()) {
                m.append("| Line | Expect | Verdict | Actual |\n|--:|---|---|---|\n");
                for (ExpectResult x : e.expectations()) {
                    m.append("| ").append(x.line() == null ? "" : x.line()).append(" | `").append(cell(x.text())).append("` | ")
                            .append(x.passed() == null ? "not judged" : x.passed() ? "pass" : "**fail**").append(" | ")
                            .append(cell(x.actual() == null ? "" : x.actual())).append(" |\n");
                }
                m.append('\n');
            }
            if (!e.layers().isEmpty()) {
                m.append("| Layer | Kind | Before | After |\n|---|---|--:|--:|\n");
                for (LayerWidth l : e.layers()) {
                    m.append("| ").append(cell(l.name())).append(" | ").append(cell(l.kind())).append(" | ").append(l.before())
                            .append(" | ").append(l.after()).append(" |\n");
                }
                m.append('\n');
            }
            SearchReport.markdown(m, e);
            if (!e.phases().isEmpty()) {
                m.append("| Phase | Seconds | Wh | Low | High |\n|---|--:|--:|--:|--:|\n");
                for (EnergyPhase p : e.phases()) {
                    m.append("| ").append(cell(p.phase())).append(" | ").append(p.seconds() == null ? "-" : Figures.num(p.seconds()))
                            .append(" | ").append(Figures.num(p.wh())).append(" | ").append(p.lowWh() == null ? "-" : Figures.num(p.lowWh()))
                            .append(" | ").append(p.highWh() == null ? "-" : Figures.num(p.highWh())).append(" |\n");
                }
                m.append('\n');
            }
            List<String> energy = HtmlReport.energyLines(e);
            for (String line : energy) m.append("- ").append(line).append('\n');
            if (!energy.isEmpty()) m.append('\n');
            for (String n : e.notes()) m.append("- ").append(n).append('\n');
            if (!e.notes().isEmpty()) m.append('\n');
        }
        if (!run.environment().isEmpty()) {
            m.append("## Environment\n\n| | |\n|---|---|\n");
            for (Map.Entry<String, String> e : run.environment().entrySet()) {
                m.append("| ").append(cell(e.getKey())).append(" | ").append(cell(e.getValue())).append(" |\n");
            }
            m.append('\n');
        }
        if (run.specText() != null) {
            m.append("## Spec as run\n\n```\n").append(run.specText().replace("```", "'''"));
            if (!run.specText().endsWith("\n")) m.append('\n');
            m.append("```\n");
        }
        return m.toString();
    }

    /** A table cell: pipes escaped, line breaks flattened. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
