package org.tinytitans.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.tinytitans.engine.figures.Figures;
import org.tinytitans.engine.report.ExpectResult;
import org.tinytitans.engine.report.ExperimentResult;
import org.tinytitans.engine.report.Metrics;
import org.tinytitans.engine.report.RunResult;

/**
 * The human summary of a run: per experiment, baseline against pruned with the change, then the verdicts.
 * It reads the typed result (engine/report) and shows every figure through the one formatter (engine/figures).
 */
final class RunTable {

    private RunTable() {}

    static void print(RunResult run, PrintWriter out) {
        for (ExperimentResult e : run.experiments()) {
            experiment(e, out);
        }
    }

    private static void experiment(ExperimentResult x, PrintWriter out) {
        out.println();
        String variant = x.variant().isEmpty() ? "" : "  [" + x.id().replaceFirst("^[^\\[]*\\[", "").replaceFirst("]$", "") + "]";
        out.println(x.name() + "  (" + x.model() + (x.dataset() == null ? "" : " on " + x.dataset()) + ")" + variant);
        if ("failed".equals(x.status())) {
            out.println("  FAILED: " + (x.error() == null ? "" : x.error()));
            return;
        }
        Metrics b = x.baseline();
        Metrics p = x.pruned();
        ExperimentResult.Setup setup = x.setup();
        line(out, "", "baseline", "pruned", "change");
        count(out, "params", b, p, "params");
        count(out, setup.flopsUnit() == null ? "flops (MACs)" : "flops", b, p, "flops");
        count(out, "flops (tutorial)", b, p, "flops_tutorial");
        row(out, "memory", b, p, "memory_mb", "MB");
        if (b.has("latency_ms") && p.has("latency_ms")) {
            double bl = b.get("latency_ms");
            double pl = p.get("latency_ms");
            line(out, "latency p50", Figures.metric(bl, "ms"), Figures.metric(pl, "ms"),
                    pl > 0 ? Figures.num(bl / pl) + "x speed-up" : "");
            String unit = setup.latencyUnit() != null ? setup.latencyUnit()
                    : "batch " + (setup.latencyBatch() == null ? "?" : setup.latencyBatch()) + ", interleaved";
            if (setup.latencyRuntime() != null) {
                unit += ", " + setup.latencyRuntime() + (setup.latencyRuntimeVersion() == null ? "" : " " + setup.latencyRuntimeVersion());
            }
            if (setup.threads() != null) {
                unit += ", " + setup.threads() + (setup.threads() == 1 ? " thread" : " threads");
            }
            if (setup.load() != null && setup.cpus() != null) {
                unit += "; load " + Figures.fixed(setup.load(), 1) + " on " + setup.cpus() + " CPUs"
                        + (Boolean.TRUE.equals(setup.busy()) ? ": busy, so slower than the model is" : "");
            }
            row(out, "throughput", b, p, "throughput", setup.throughputUnit() == null ? "/s" : setup.throughputUnit());
            if (setup.rooflineGmacs() != null && setup.baselineGmacs() != null && setup.prunedGmacs() != null) {
                double roof = setup.rooflineGmacs();
                line(out, "compute", gmacs(setup.baselineGmacs(), roof), gmacs(setup.prunedGmacs(), roof),
                        "roofline " + Figures.fixed(roof, 1) + " GMAC/s");
            }
            out.printf(Locale.ROOT, "  %-16s %s%n", "", "(" + unit + ")");
        }
        if (b.has("accuracy") && p.has("accuracy")) {
            line(out, "accuracy", Figures.metric(b.get("accuracy"), "fraction"), Figures.metric(p.get("accuracy"), "fraction"),
                    Figures.change(b.get("accuracy"), p.get("accuracy"), "fraction"));
        }
        row(out, "perplexity", b, p, "perplexity", null);
        if (p.has("sparsity") && b.has("sparsity") && p.get("sparsity") > 0.0005) {
            line(out, "sparsity", Figures.percent(b.get("sparsity")), Figures.percent(p.get("sparsity")),
                    Figures.change(b.get("sparsity"), p.get("sparsity"), "fraction"));
        }
        energy(x, out);
        for (ExpectResult v : x.expectations()) {
            out.printf(Locale.ROOT, "  %-4s expect %-26s %s%n", Boolean.TRUE.equals(v.passed()) ? "PASS" : "FAIL",
                    v.text(), v.actual() == null ? "" : v.actual());
        }
        for (String n : x.notes()) {
            out.println("  note: " + n);
        }
    }

    /** The job's energy and CO2e and the deployment projection: each figure with its range and method label. */
    private static void energy(ExperimentResult x, PrintWriter out) {
        ExperimentResult.Energy e = x.energy();
        if (e != null && e.wh() != null) {
            out.printf(Locale.ROOT, "  %-16s %s%n", "energy (job)",
                    Figures.estimate(e.wh(), e.whLow(), e.whHigh(), "Wh", e.method() == null ? null : "cpu " + e.method()));
        }
        if (e != null && e.carbonG() != null) {
            String at = e.intensityGPerKWh() == null ? null
                    : "at " + Figures.num(e.intensityGPerKWh()) + " g/kWh" + (e.intensitySource() == null ? "" : ", " + e.intensitySource());
            out.printf(Locale.ROOT, "  %-16s %s%n", "carbon (job)", Figures.estimate(e.carbonG(), e.carbonGLow(), e.carbonGHigh(), "g CO2e", at));
        }
        ExperimentResult.Projection pr = x.projection();
        if (pr != null && pr.savedKWh() != null) {
            String co2 = pr.savedCo2Kg() == null ? ""
                    : " and " + Figures.estimate(pr.savedCo2Kg(), pr.savedCo2KgLow(), pr.savedCo2KgHigh(), "kg CO2e", null);
            out.printf(Locale.ROOT, "  %-16s %s%s saved per %s inferences%s%n", "deployment",
                    Figures.estimate(pr.savedKWh(), pr.savedKWhLow(), pr.savedKWhHigh(), "kWh", null), co2,
                    pr.inferences() == null || pr.inferences() == 1e6 ? "million" : Figures.count(pr.inferences()),
                    pr.method() == null ? "" : ", " + pr.method());
        }
    }

    private static void count(PrintWriter out, String label, Metrics b, Metrics p, String key) {
        if (b.has(key) && p.has(key)) {
            line(out, label, Figures.whole(b.get(key)), Figures.whole(p.get(key)), Figures.change(b.get(key), p.get(key), ""));
        }
    }

    /** A figure in its unit with its relative change; {@code unit} null for a plain number. */
    private static void row(PrintWriter out, String label, Metrics b, Metrics p, String key, String unit) {
        if (b.has(key) && p.has(key)) {
            double bv = b.get(key);
            double pv = p.get(key);
            String show = unit == null ? "" : unit.startsWith("/") ? unit : " " + unit;
            line(out, label, Figures.num(bv) + show, Figures.num(pv) + show, Figures.change(bv, pv, unit));
        }
    }

    private static void line(PrintWriter out, String label, String baseline, String pruned, String change) {
        out.printf(Locale.ROOT, "  %-16s %16s %16s %18s%n", label, baseline, pruned, change);
    }

    /** Achieved GMAC/s with its share of the measured roofline: "12.3 GMAC/s (20%)". */
    private static String gmacs(double achieved, double roofline) {
        return Figures.fixed(achieved, 1) + " GMAC/s (" + Figures.percent(achieved / roofline) + ")";
    }
}
