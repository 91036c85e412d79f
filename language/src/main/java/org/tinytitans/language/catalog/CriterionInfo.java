package org.tinytitans.language.catalog;

import java.util.List;

/**
 * A pruning criterion: lower score = less important = removed first. {@code granularities} are derived from the
 * catalog's methods (in granularity order); which model families each applies to is in {@link Catalog#methods()}.
 */
public record CriterionInfo(String name, String title, Cost cost, List<String> granularities,
                            String doc, String reference) {
    public CriterionInfo {
        granularities = List.copyOf(granularities);
    }

    /** True when scoring reads samples, so the experiment needs a dataset. */
    public boolean needsData() {
        return cost.needsData();
    }
}
