package org.tinytitans.engine.methods;

import org.tinytitans.engine.vit.TokenRule;
import org.tinytitans.language.catalog.MethodInfo;

/** Patch tokens of a vision transformer, kept or merged per image while it is classified: no data beforehand. */
public record TokenPruning(MethodInfo info, TokenRule rule) implements PruningMethod {

    @Override
    public boolean needsData() {
        return false;
    }
}
