package org.tinytitans.engine.methods;

import java.util.function.Supplier;
import org.tinytitans.engine.criteria.Criterion;
import org.tinytitans.language.catalog.MethodInfo;

/** Filters or residual blocks of a vision model, removed by the scores of a criterion (lowest first). */
public record VisionScoring(MethodInfo info, Supplier<Criterion> factory) implements PruningMethod {

    /** A fresh criterion (criteria may keep state while they score). */
    public Criterion criterion() {
        return factory.get();
    }

    @Override
    public boolean needsData() {
        return factory.get().needsData();
    }
}
