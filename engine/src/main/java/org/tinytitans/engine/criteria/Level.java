package org.tinytitans.engine.criteria;

import java.util.List;

/** Which prunable units a criterion scores: filters of the filter units, or whole block units. */
public enum Level {
    FILTER, LAYER;

    List<ScoringModel.Unit> units(ScoringModel m) {
        return this == FILTER ? m.filterUnits() : m.blockUnits();
    }

    String phase(String criterion) {
        return "score " + criterion + (this == FILTER ? " (filters)" : " (layers)");
    }
}
