package org.tinytitans.language.catalog;

import java.util.List;

/**
 * What a `prune` block removes, its criteria in catalog order (the tutorial's first) and the model families it
 * applies to; both lists are derived from the catalog's methods.
 */
public record GranularityInfo(String name, String removes, List<String> criteria, List<ModelFamily> families, String doc) {
    public GranularityInfo {
        criteria = List.copyOf(criteria);
        families = List.copyOf(families);
    }
}
