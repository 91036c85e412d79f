package org.tinytitans.language.resolve;

import java.util.List;
import org.tinytitans.language.ast.Range;

/**
 * How `ratio auto` is searched and `measure sensitivity` scanned, defaults from the catalog (docs/search.md).
 *
 * @param allocation "sensitivity" (per-layer ratios from the sensitivity curves) or "uniform" (one ratio, bisection)
 * @param objective  "accuracy" or "perplexity": the search block's, else by the model's family
 * @param ratios     ratios of the sensitivity scan, ascending
 * @param samples    held-out samples (images, or token windows) per evaluation
 * @param range      the `search` block's, or null when the experiment has none
 */
public record SearchSpec(int trials, String allocation, String objective, List<Double> ratios, int finalists,
                         int finalistEpochs, int samples, Range range) {
    public SearchSpec {
        ratios = List.copyOf(ratios);
    }
}
