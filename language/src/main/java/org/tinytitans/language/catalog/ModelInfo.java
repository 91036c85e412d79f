package org.tinytitans.language.catalog;

import java.util.List;

/** A zoo model. {@code family} is "vision" or "language"; inputShape is without the batch axis. */
public record ModelInfo(String name, String family, String defaultDataset, List<Integer> inputShape, int classes,
                        String doc) {
    public ModelInfo {
        inputShape = List.copyOf(inputShape);
    }

    public boolean isLanguage() {
        return "language".equals(family);
    }
}
