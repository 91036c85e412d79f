package org.tinytitans.language.resolve;

import java.util.List;
import org.tinytitans.language.ast.Range;

/**
 * One prune pass, values typed and defaulted.
 *
 * @param ratio     fraction removed in 0..1, or null when {@code count} is given
 * @param count     number of layers to remove (prune layers), or null
 * @param pattern   {n, m} for N:M sparsity, or null
 * @param samples   samples for data-driven criteria, or null for the dataset's
 * @param range     range of the whole block; criterionRange of the criterion value (for errors)
 */
public record PruneSpec(String granularity, String criterion, Double ratio, Integer count, int steps, String scope,
                        int[] pattern, List<String> exclude, long seed, Integer samples, int minFilters,
                        Range range, Range criterionRange) {}
