package org.tinytitans.language.catalog;

import java.util.List;

/** What a `prune` block removes, and its criteria in catalog order (the tutorial's first). */
public record GranularityInfo(String name, String removes, List<String> criteria, String family, String doc) {
    public GranularityInfo {
        criteria = List.copyOf(criteria);
    }
}
