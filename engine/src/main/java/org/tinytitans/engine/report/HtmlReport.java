package org.tinytitans.engine.report;

import org.tinytitans.engine.figures.Figures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The self-contained HTML report: inline CSS, inline SVG plots, no scripts and no links to fetch, so it opens
 * offline and from a mail attachment. The markup is XHTML-compatible (every tag closed, everything escaped),
 * so an XML parser reads it too; the tests rely on that.
 */
public final class HtmlReport {
    private HtmlReport() {}

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1180px;padding:16px 24px;color:#212529;line-height:1.4}
            h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:1px solid #dee2e6;padding-bottom:4px;margin-top:1.6em}h3{margin-bottom:.3em}
            table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #dee2e6;padding:3px 8px;text-align:left;vertical-align:top}
            th{background:#f1f3f5}td.num{text-align:right;font-variant-numeric:tabular-nums}
            .pass{color:#2b8a3e;font-weight:600}.fail{color:#c92a2a;font-weight:600}.better{color:#2b8a3e}.worse{color:#c92a2a}
            .status{display:inline-block;padding:1px 8px;border-radius:10px;background:#e9ecef;font-size:.9em}
            .status.complete{background:#d3f9d8}.status.failed{background:#ffe3e3}.status.interrupted,.status.skipped{background:#fff3bf}
            .plots{display:flex;flex-wrap:wrap;gap:12px}.plots figure{margin:0}.exp-body{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}.exp-charts{flex-direction:column}.plots svg{border:1px solid #e9ecef;background:#fff;max-width:100%;height:auto}
            svg text{font-size:11px;fill:#343a40}svg .plot-title{font-size:13px;font-weight:600}svg .point-label{font-size:10px}
            pre{background:#f8f9fa;border:1px solid #e9ecef;padding:8px;overflow:auto;font-size:.9em}
            .meta{color:#495057}.note{color:#495057;font-size:.9em}.star{color:#d9480f;font-weight:700}
            """;

    public static String render(RunResult run) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(Xml.esc("Tiny Titans report: " + run.stem())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Tiny Titans report: ").append(Xml.esc(run.stem())).append("</h1>\n<p class=\"meta\">");
        h.append("Spec <code>").append(Xml.esc(run.spec() == null ? "-" : run.spec())).append("</code> · status ")
                .append(status(run.status()));
        if (run.startedAt() != null) h.append(" · started ").append(Xml.esc(run.startedAt()));
        if (run.finishedAt() != null) h.append(" · finished ").append(Xml.esc(run.finishedAt()));
        h.append(" · ").append(run.experiments().size()).append(" experiment").append(run.experiments().size() == 1 ? "" : "s");
        long failed = run.expectsFailed();
        if (failed > 0) h.append(" · <span class=\"fail\">").append(failed).append(" expectation").append(failed == 1 ? "" : "s").append(" not met</span>");
        h.append("</p>\n");
        String machine = machine(run.environment());
        if (!machine.isEmpty()) h.append("<p class=\"meta\">").append(Xml.esc(machine)).append(" · <a href=\"#environment\">environment</a></p>\n");
        summary(h, run);
        List<TradeoffPlots.Plot> plots = TradeoffPlots.plots(run);
        if (!plots.isEmpty()) {
            h.append("<h2 id=\"tradeoffs\">Trade-offs</h2>\n<p class=\"note\">Circles are experiments; filled orange circles")
                    .append(" joined by the dashed line are Pareto-optimal (no other experiment is at least as good on both")
                    .append(" axes and better on one). The grey square is the unpruned baseline.</p>\n<div class=\"plots\">\n");
            for (TradeoffPlots.Plot p : plots) {
                h.append("<figure id=\"plot-").append(Xml.esc(p.cost())).append("\">\n").append(p.svg()).append("</figure>\n");
            }
            h.append("</div>\n");
        }
        for (ExperimentResult e : run.experiments()) {
            experiment(h, e);
        }
        environment(h, run.environment());
        if (run.specText() != null) {
            h.append("<h2 id=\"spec\">Spec as run</h2>\n<pre>").append(Xml.esc(run.specText())).append("</pre>\n");
        }
        h.append("<p class=\"note\">Written by titans-cli report from ")
                .append(Xml.esc(run.file() == null ? "a result document" : run.file().toString()))
                .append(" (schema ").append(Xml.esc(run.schema() == null ? "unknown" : run.schema())).append(").</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** One line on where it ran: "cpu on Intel Xeon (2 cores) · GPU ... · PyTorch 2.7.1 · DJL 0.36.0 · Java 17". */
    static String machine(Map<String, String> env) {
        List<String> parts = new ArrayList<>();
        String device = env.get("device");
        String cpu = env.get("cpu");
        if (cpu != null) parts.add((device == null ? "" : device + " on ") + cpu + (env.get("cores") == null ? "" : " (" + env.get("cores") + " cores)"));
        else if (device != null) parts.add(device);
        if (env.get("gpu") != null) parts.add("GPU " + env.get("gpu"));
        if (env.get("pytorch") != null) parts.add("PyTorch " + env.get("pytorch"));
        if (env.get("djl") != null) parts.add("DJL " + env.get("djl"));
        if (env.get("java") != null) parts.add("Java " + env.get("java"));
        if (env.get("os") != null) parts.add(env.get("os"));
        return String.join(" · ", parts);
    }

    private static String status(String s) {
        return "<span class=\"status " + Xml.esc(s) + "\">" + Xml.esc(s) + "</span>";
    }

    private static void summary(StringBuilder h, RunResult run) {
        List<Summary> rows = Summary.of(run);
        if (rows.isEmpty()) {
            h.append("<p>No experiments in this result.</p>\n");
            return;
        }
        String q = MetricKind.of(TradeoffPlots.qualityKey(run)).label();
        h.append("<h2 id=\"summary\">Summary</h2>\n<table class=\"summary\">\n<thead><tr><th>Pareto</th><th>Experiment</th><th>Status</th><th>")
                .append(q).append("</th><th>").append(q.equals("Perplexity") ? "Rise" : "Drop")
                .append("</th><th>FLOPs</th><th>Params</th><th>Latency</th><th>CO2e</th><th>Expectations</th></tr></thead>\n<tbody>\n");
        for (Summary s : rows) {
            ExperimentResult e = s.experiment();
            h.append("<tr><td>").append(s.pareto() ? "<span class=\"star\" title=\"Pareto-optimal\">*</span>" : "")
                    .append("</td><td><a href=\"#exp-").append(Xml.esc(anchor(e.id()))).append("\">").append(Xml.esc(e.title()))
                    .append("</a></td><td>").append(status(e.status())).append("</td><td class=\"num\">").append(Xml.esc(s.qualityText()))
                    .append("</td><td class=\"num\">").append(Xml.esc(s.dropText())).append("</td><td class=\"num\">")
                    .append(Summary.ratioText(s.flopsRatio())).append("</td><td class=\"num\">").append(Summary.ratioText(s.paramsRatio()))
                    .append("</td><td class=\"num\">").append(s.latencyMs() == null ? "-" : Xml.esc(MetricKind.of("latency_ms").format(s.latencyMs())))
                    .append("</td><td class=\"num\">").append(s.carbonG() == null ? "-" : Xml.esc(MetricKind.of("carbon_g").format(s.carbonG())))
                    .append("</td><td class=\"").append(e.expectsFailed() > 0 ? "fail" : "").append("\">").append(s.expectsText())
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<p class=\"note\">FLOPs and params are the pruned model's share of the baseline's;")
                .append(" Pareto marks ").append(q.toLowerCase(java.util.Locale.ROOT)).append(" against FLOPs.</p>\n");
    }

    static String anchor(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static void experiment(StringBuilder h, ExperimentResult e) {
        h.append("<h2 id=\"exp-").append(Xml.esc(anchor(e.id()))).append("\">").append(Xml.esc(e.title())).append(' ')
                .append(status(e.status())).append("</h2>\n<p class=\"meta\">");
        List<String> facts = new ArrayList<>();
        if (e.model() != null) facts.add("model <code>" + Xml.esc(e.model()) + "</code>");
        if (e.dataset() != null) facts.add("dataset <code>" + Xml.esc(e.dataset()) + "</code>");
        if (e.target() != null) facts.add("target <code>" + Xml.esc(e.target()) + "</code>");
        for (Map.Entry<String, String> v : e.variant().entrySet()) {
            facts.add(Xml.esc(v.getKey()) + " <code>" + Xml.esc(v.getValue()) + "</code>");
        }
        h.append(String.join(" · ", facts)).append("</p>\n");
        if (e.error() != null) {
            h.append("<p class=\"fail\">Error: ").append(Xml.esc(e.error())).append("</p>\n");
        }
        // tables on the left, charts on the right: a sweep's many experiments stay short to scroll through
        h.append("<div class=\"exp-body\">\n<div class=\"exp-tables\">\n");
        metrics(h, e);
        if (!e.expectations().isEmpty()) {
            h.append("<h3>Expectations</h3>\n<table class=\"expectations\">\n<thead><tr><th>Line</th><th>Expect</th><th>Verdict</th><th>Actual</th></tr></thead>\n<tbody>\n");
            for (ExpectResult x : e.expectations()) {
                String verdict = x.passed() == null ? "<span>not judged</span>"
                        : x.passed() ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">fail</span>";
                h.append("<tr><td class=\"num\">").append(x.line() == null ? "" : x.line()).append("</td><td><code>")
                        .append(Xml.esc(x.text())).append("</code></td><td>").append(verdict).append("</td><td>")
                        .append(Xml.esc(x.actual() == null ? "" : x.actual())).append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</div>\n");
        if (!e.layers().isEmpty() || !e.phases().isEmpty()) {
            h.append("<div class=\"plots exp-charts\">\n");
            if (!e.layers().isEmpty()) {
                h.append("<figure class=\"widths\">\n").append(SvgBars.widths("Layer widths before and after pruning", e.layers())).append("</figure>\n");
            }
            if (!e.phases().isEmpty()) {
                h.append("<figure class=\"energy\">\n").append(SvgBars.energy("Energy per phase (Wh)", e.phases())).append("</figure>\n");
            }
            h.append("</div>\n");
        }
        h.append("</div>\n");
        SearchReport.html(h, e);
        List<String> energy = energyLines(e);
        if (!energy.isEmpty()) h.append("<p>").append(Xml.esc(String.join(" · ", energy))).append("</p>\n");
        if (!e.notes().isEmpty()) {
            h.append("<ul class=\"note\">\n");
            for (String n : e.notes()) h.append("<li>").append(Xml.esc(n)).append("</li>\n");
            h.append("</ul>\n");
        }
    }

    /** The job's energy and CO2e and the deployment projection, each with its range and method, as the CLI shows them. */
    static List<String> energyLines(ExperimentResult e) {
        List<String> out = new ArrayList<>();
        ExperimentResult.Energy en = e.energy();
        if (en != null && en.wh() != null) {
            out.add("energy (job) " + Figures.estimate(en.wh(), en.whLow(), en.whHigh(), "Wh", en.method()));
        }
        if (en != null && en.carbonG() != null) {
            out.add("carbon (job) " + Figures.estimate(en.carbonG(), en.carbonGLow(), en.carbonGHigh(), "g CO2e",
                    en.intensityGPerKWh() == null ? null : "at " + Figures.num(en.intensityGPerKWh()) + " g/kWh"));
        }
        ExperimentResult.Projection p = e.projection();
        if (p != null && p.savedKWh() != null) {
            String per = p.inferences() == null ? "" : " per " + Figures.count(p.inferences()) + " inferences";
            out.add("deployment saves " + Figures.estimate(p.savedKWh(), p.savedKWhLow(), p.savedKWhHigh(), "kWh", null)
                    + (p.savedCo2Kg() == null ? "" : " and " + Figures.estimate(p.savedCo2Kg(), p.savedCo2KgLow(), p.savedCo2KgHigh(), "kg CO2e", null))
                    + per + (p.method() == null ? "" : ", " + p.method()));
        }
        return out;
    }

    private static void metrics(StringBuilder h, ExperimentResult e) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(e.baseline().keys());
        keys.addAll(e.pruned().keys());
        List<String> rows = MetricKind.rows(keys);
        if (rows.isEmpty()) return;
        h.append("<table class=\"metrics\">\n<thead><tr><th>Metric</th><th>Baseline</th><th>Pruned</th><th>Change</th></tr></thead>\n<tbody>\n");
        for (String key : rows) {
            MetricKind k = MetricKind.of(key);
            Double b = e.baseline().get(key);
            Double p = e.pruned().get(key);
            String change = "";
            String cls = "";
            if (b != null && p != null) {
                change = k.change(b, p);
                cls = b.equals(p) ? "" : k.improved(b, p) ? "better" : "worse";
            }
            h.append("<tr><td>").append(Xml.esc(k.label())).append("</td><td class=\"num\">").append(b == null ? "-" : Xml.esc(k.format(b)))
                    .append("</td><td class=\"num\">").append(p == null ? "-" : Xml.esc(k.format(p))).append("</td><td class=\"num ")
                    .append(cls).append("\">").append(Xml.esc(change)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void environment(StringBuilder h, Map<String, String> env) {
        if (env.isEmpty()) return;
        h.append("<h2 id=\"environment\">Environment</h2>\n<table class=\"environment\">\n<tbody>\n");
        for (Map.Entry<String, String> e : env.entrySet()) {
            h.append("<tr><th>").append(Xml.esc(e.getKey())).append("</th><td>").append(Xml.esc(e.getValue())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }
}
