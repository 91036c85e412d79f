package org.tinytitans.language.catalog;

import java.util.List;

/** A dataset kind. {@code defaultPath} is where the engine looks when `path` is not given. */
public record DatasetInfo(String name, String family, List<Integer> inputShape, int classes, String defaultPath,
                          String doc) {
    public DatasetInfo {
        inputShape = List.copyOf(inputShape);
    }
}
