package org.tinytitans.language.catalog;

import java.util.List;

/**
 * A zoo model. {@code modelFamily} says which pruning methods reach it; {@link #family()} is its modality
 * ("vision" or "language"), which datasets are matched by. inputShape is without the batch axis.
 */
public record ModelInfo(String name, ModelFamily modelFamily, String defaultDataset, List<Integer> inputShape, int classes,
                        String doc) {
    public ModelInfo {
        inputShape = List.copyOf(inputShape);
    }

    /** "vision" or "language". */
    public String family() {
        return modelFamily.modality();
    }

    public boolean isLanguage() {
        return modelFamily == ModelFamily.LANGUAGE;
    }
}
