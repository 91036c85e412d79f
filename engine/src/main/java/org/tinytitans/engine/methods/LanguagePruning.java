package org.tinytitans.engine.methods;

import org.tinytitans.engine.lm.prune.LmCriterion;
import org.tinytitans.language.catalog.MethodInfo;

/** Layers, neurons, heads or weights of a language model, scored by one of the language pruners' criteria. */
public record LanguagePruning(MethodInfo info, LmCriterion criterion) implements PruningMethod {

    @Override
    public boolean needsData() {
        return criterion.needsData();
    }
}
