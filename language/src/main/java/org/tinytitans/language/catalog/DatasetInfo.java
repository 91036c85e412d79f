package org.tinytitans.language.catalog;

import java.util.List;

/**
 * A dataset kind. {@code defaultPath} is where the engine looks when `path` is not given.
 *
 * @param samples      default of the dataset's `samples`: for images, how many data-driven criteria draw
 *                     (class-stratified; evaluation always uses the whole test split); for text, how many windows of
 *                     `seq-len` tokens perplexity reads; null = all
 * @param pruneSamples default of a prune block's `samples` with this dataset, or null for the dataset's `samples`
 *                     (text: calibration windows, fewer than perplexity reads)
 */
public record DatasetInfo(String name, String family, List<Integer> inputShape, int classes, String defaultPath,
                          Integer samples, Integer pruneSamples, String doc) {
    public DatasetInfo {
        inputShape = List.copyOf(inputShape);
    }
}
