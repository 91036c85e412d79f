package org.tinytitans.language.catalog;

import java.util.List;

/** A pruning criterion: lower score = less important = removed first. */
public record CriterionInfo(String name, String title, boolean needsData, List<String> granularities,
                            String doc, String reference) {
    public CriterionInfo {
        granularities = List.copyOf(granularities);
    }
}
