package org.tinytitans.language.catalog;

import java.util.List;

/**
 * A zoo model. {@code modelFamily} says which pruning methods reach it; {@link #family()} is its modality
 * ("vision" or "language"), which datasets are matched by. inputShape is without the batch axis.
 *
 * @param blocks transformer blocks of a vision transformer's (or CLIP's, LLaVA's) image encoder, for checking
 *               `prune tokens { after K }`; 0 where the catalog does not state it
 */
public record ModelInfo(String name, ModelFamily modelFamily, String defaultDataset, List<Integer> inputShape, int classes,
                        String doc, int blocks) {
    public ModelInfo {
        inputShape = List.copyOf(inputShape);
    }

    public ModelInfo(String name, ModelFamily modelFamily, String defaultDataset, List<Integer> inputShape, int classes, String doc) {
        this(name, modelFamily, defaultDataset, inputShape, classes, doc, 0);
    }

    /** "vision" or "language". */
    public String family() {
        return modelFamily.modality();
    }

    public boolean isLanguage() {
        return modelFamily == ModelFamily.LANGUAGE;
    }
}
