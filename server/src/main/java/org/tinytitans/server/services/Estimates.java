package org.tinytitans.server.services;

import org.tinytitans.server.estimates.EstimateService;
import org.tinytitans.server.estimates.Numbers;

/** How analytic figures read in completion details, hovers and inlay hints. */
final class Estimates {
    private Estimates() {}

    /** "params 853K, FLOPs 125M" */
    static String model(EstimateService.Figures f) {
        return "params " + Numbers.count(f.params()) + ", FLOPs " + Numbers.count(f.flops());
    }

    /** "FLOPs 125M -> 62M (-50%), params 853K -> 430K (-50%)"; ranges read "62M..70M". */
    static String pruneLine(EstimateService.PruneFigures e) {
        String flops = e.exact() ? Numbers.count(e.low().flops())
                : Numbers.count(e.low().flops()) + ".." + Numbers.count(e.high().flops());
        String params = e.exact() ? Numbers.count(e.nonzeroParams())
                : Numbers.count(e.low().params()) + ".." + Numbers.count(e.high().params());
        return "FLOPs " + Numbers.count(e.before().flops()) + " -> " + flops + " (" + Numbers.reduction(e.flopsReduction()) + "), "
                + "params " + Numbers.count(e.before().params()) + " -> " + params + " (" + Numbers.reduction(e.paramsReduction()) + ")";
    }

    /** The short form for inlay hints: "-50% FLOPs, -49% params". */
    static String pruneHint(EstimateService.PruneFigures e) {
        return (e.exact() ? "" : "~") + Numbers.reduction(e.flopsReduction()) + " FLOPs (" + Numbers.count(e.low().flops()) + "), "
                + Numbers.reduction(e.paramsReduction()) + " params (" + Numbers.count(e.nonzeroParams()) + ")";
    }

    static String pruneMarkdown(String model, EstimateService.PruneFigures e) {
        return "Predicted for `" + model + "` (analytic, before fine-tuning):\n\n"
                + "| | before | after |\n|---|---|---|\n"
                + "| FLOPs | " + Numbers.count(e.before().flops()) + " | " + range(e.low().flops(), e.high().flops()) + " |\n"
                + "| params | " + Numbers.count(e.before().params()) + " | "
                + (e.exact() ? Numbers.count(e.nonzeroParams()) : range(e.low().params(), e.high().params())) + " |\n"
                + (e.exact() ? "" : "\nA range: the outcome depends on the scores.\n");
    }

    private static String range(long low, long high) {
        return low == high ? Numbers.count(low) : Numbers.count(low) + ".." + Numbers.count(high);
    }
}
