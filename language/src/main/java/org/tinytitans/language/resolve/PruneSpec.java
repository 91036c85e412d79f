package org.tinytitans.language.resolve;

import java.util.List;
import org.tinytitans.language.ast.Range;

/**
 * One prune pass, values typed and defaulted from the catalog.
 *
 * @param granularity null only when the block names none or an unknown one (the checker reports it)
 * @param ratio     fraction removed in 0..1 (with a pattern the one it implies, 1 - N/M), or null when {@code count} is given
 * @param count     number of layers to remove (prune layers), or null
 * @param pattern   N:M sparsity, or null
 * @param samples   samples data-driven criteria draw (images, or token windows for text), or null without a dataset
 * @param roundTo   prune filters: every pruned layer keeps a multiple of this many filters (1 = off)
 * @param after     prune tokens: the block (1-based) after which tokens are pruned
 * @param fuse      prune tokens, cls-attention: the dropped tokens are merged into one
 * @param range     range of the whole block; criterionRange of the criterion value (for errors)
 * @param auto      `ratio auto`: the search chooses the amount (ratio is then null)
 * @param layers    `layer "NAME" ratio R` lines, in source order: each overrides {@code ratio} for that layer
 */
public record PruneSpec(Granularity granularity, String criterion, Double ratio, Integer count, int steps, String scope,
                        Pattern pattern, List<String> exclude, long seed, Integer samples, int minFilters,
                        int roundTo, int after, boolean fuse, Range range, Range criterionRange, boolean auto, List<LayerRatio> layers) {

    /** One `layer "NAME" ratio R` line; range is the name's (for errors). */
    public record LayerRatio(String layer, double ratio, Range range) {}

    public PruneSpec {
        layers = List.copyOf(layers);
    }

    /** A block with a fixed amount and no per-layer lines. */
    public PruneSpec(Granularity granularity, String criterion, Double ratio, Integer count, int steps, String scope,
                     Pattern pattern, List<String> exclude, long seed, Integer samples, int minFilters,
                     int roundTo, int after, boolean fuse, Range range, Range criterionRange) {
        this(granularity, criterion, ratio, count, steps, scope, pattern, exclude, seed, samples, minFilters, roundTo, after, fuse,
                range, criterionRange, false, List.of());
    }

    /** Layer name -> removed fraction of the `layer` lines (the first line of a name wins, as the checker reports repeats). */
    public java.util.Map<String, Double> layerRatios() {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        layers.forEach(l -> out.putIfAbsent(l.layer(), l.ratio()));
        return out;
    }

    /** The same block with another amount and per-layer ratios (what a search tries, or writes back). */
    public PruneSpec withPlan(Double ratio, Integer count, java.util.Map<String, Double> perLayer) {
        List<LayerRatio> lines = new java.util.ArrayList<>();
        perLayer.forEach((k, v) -> lines.add(new LayerRatio(k, v, range)));
        return new PruneSpec(granularity, criterion, ratio, count, steps, scope, pattern, exclude, seed, samples, minFilters,
                roundTo, after, fuse, range, criterionRange, false, lines);
    }
}
