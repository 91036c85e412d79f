package org.tinytitans.engine.job;

import java.util.Map;
import org.tinytitans.engine.figures.Figures;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.MetricInfo;
import org.tinytitans.language.catalog.UnitKind;
import org.tinytitans.language.resolve.ExpectSpec;

/**
 * Judges {@code expect} lines against measured figures, with the meanings prune-language.md gives them.
 * Figures are in the catalog's base units: counts, bytes, seconds, fractions (accuracy 0.93), Wh, g, L, $.
 */
public final class ExpectJudge {

    private ExpectJudge() {}

    public static Verdict judge(ExpectSpec e, Map<String, Double> baseline, Map<String, Double> pruned) {
        MetricInfo metric = Catalog.get().metric(e.metric()).orElse(null);
        if (metric == null) {
            return new Verdict(false, "unknown metric '" + e.metric() + "'");
        }
        if (e.metric().equals("speedup")) {
            Double b = baseline.get("latency");
            Double p = pruned.get("latency");
            if (b == null || p == null || p <= 0) {
                return notMeasured("latency");
            }
            double speedup = b / p;
            return new Verdict(e.holds(speedup, e.value().base()), fmt(speedup) + "x");
        }
        Double p = pruned.get(e.metric());
        if (p == null) {
            return notMeasured(e.metric());
        }
        Double b = baseline.get(e.metric());
        boolean percent = e.value().isPercent();
        if (e.drop()) {
            if (b == null) {
                return notMeasured(e.metric() + " (baseline)");
            }
            double drop;
            String shown;
            if (metric.unitKind() == UnitKind.PERCENT || !percent) {
                // accuracy and sparsity are fractions already, so their drop is in percentage points; a drop
                // written with a unit (`latency drop <= 1ms`) is the plain difference in that unit.
                drop = metric.lowerIsBetter() ? p - b : b - p;
                shown = metric.unitKind() == UnitKind.PERCENT
                        ? fmt(drop * 100) + " points (" + fmt(b * 100) + "% -> " + fmt(p * 100) + "%)"
                        : inUnit(drop, e) + " (" + inUnit(b, e) + " -> " + inUnit(p, e) + ")";
            } else if (metric.lowerIsBetter() && !metric.relative()) {
                // perplexity, latency, energy...: the drop in quality is the relative increase.
                drop = b == 0 ? 0 : p / b - 1;
                shown = fmt(drop * 100) + "% higher (" + fmt(b) + " -> " + fmt(p) + ")";
            } else {
                // counts (flops, params, memory) and higher-is-better rates: the relative decrease.
                drop = b == 0 ? 0 : 1 - p / b;
                shown = fmt(drop * 100) + "% lower (" + fmt(b) + " -> " + fmt(p) + ")";
            }
            return new Verdict(e.holds(drop, e.value().base()), shown);
        }
        if (percent && metric.relative()) {
            if (b == null || b == 0) {
                return notMeasured(e.metric() + " (baseline)");
            }
            double ratio = p / b;
            return new Verdict(e.holds(ratio, e.value().base()), fmt(ratio * 100) + "% of baseline (" + fmt(p) + " of " + fmt(b) + ")");
        }
        String shown = metric.unitKind() == UnitKind.PERCENT ? fmt(p * 100) + "%" : inUnit(p, e);
        return new Verdict(e.holds(p, e.value().base()), shown);
    }

    private static Verdict notMeasured(String what) {
        return new Verdict(false, what + " was not measured (add it to `measure`)");
    }

    /** The measured value shown in the unit the user wrote, so "latency 4.2ms" sits beside "<= 5ms". */
    private static String inUnit(double base, ExpectSpec e) {
        double factor = e.value().value() == 0 ? 1 : e.value().base() / e.value().value();
        return fmt(base / factor) + e.value().unit();
    }

    /** Whole numbers as they are ("5000"), the rest as every figure reads (engine/figures). */
    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Figures.num(v);
    }
}
