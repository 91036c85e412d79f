package org.tinytitans.server.services;

import org.tinytitans.engine.figures.Figures;
import org.tinytitans.server.estimates.EstimateService;

/** How analytic figures read in completion details, hovers and inlay hints. */
final class Estimates {
    private Estimates() {}

    /** "params 853K, FLOPs 125M" */
    static String model(EstimateService.Figures f) {
        return "params " + Figures.count(f.params()) + ", FLOPs " + Figures.count(f.flops());
    }

    /** "FLOPs 125M -> 62M (-50%), params 853K -> 430K (-50%)"; ranges read "62M..70M". */
    static String pruneLine(EstimateService.PruneFigures e) {
        String flops = Figures.countRange(e.low().flops(), e.high().flops());
        String params = e.exact() ? Figures.count(e.nonzeroParams()) : Figures.countRange(e.low().params(), e.high().params());
        return "FLOPs " + Figures.count(e.before().flops()) + " -> " + flops + " (" + Figures.relative(-e.flopsReduction()) + "), "
                + "params " + Figures.count(e.before().params()) + " -> " + params + " (" + Figures.relative(-e.paramsReduction()) + ")";
    }

    /** The short form for inlay hints: "-50% FLOPs, -49% params". */
    static String pruneHint(EstimateService.PruneFigures e) {
        return (e.exact() ? "" : "~") + Figures.relative(-e.flopsReduction()) + " FLOPs (" + Figures.count(e.low().flops()) + "), "
                + Figures.relative(-e.paramsReduction()) + " params (" + Figures.count(e.nonzeroParams()) + ")";
    }

    static String pruneMarkdown(String model, EstimateService.PruneFigures e) {
        return "Predicted for `" + model + "` (analytic, before fine-tuning):\n\n"
                + "| | before | after |\n|---|---|---|\n"
                + "| FLOPs | " + Figures.count(e.before().flops()) + " | " + Figures.countRange(e.low().flops(), e.high().flops()) + " |\n"
                + "| params | " + Figures.count(e.before().params()) + " | "
                + (e.exact() ? Figures.count(e.nonzeroParams()) : Figures.countRange(e.low().params(), e.high().params())) + " |\n"
                + (e.exact() ? "" : "\nA range: the outcome depends on the scores.\n");
    }

}
