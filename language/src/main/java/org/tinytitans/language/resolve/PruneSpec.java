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
 * @param after     prune tokens: the decoder layer (1-based) after which tokens are dropped, or null
 * @param range     range of the whole block; criterionRange of the criterion value (for errors)
 */
public record PruneSpec(Granularity granularity, String criterion, Double ratio, Integer count, int steps, String scope,
                        Pattern pattern, List<String> exclude, long seed, Integer samples, int minFilters,
                        int roundTo, Integer after, Range range, Range criterionRange) {}
