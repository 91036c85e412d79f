package org.tinytitans.engine.methods;

import org.tinytitans.engine.vit.VitPrune;
import org.tinytitans.language.catalog.MethodInfo;

/** MLP hidden units, attention heads or whole encoder blocks of a vision transformer, removed physically, or its encoder weights zeroed, by {@link VitPrune}. */
public record VitStructure(MethodInfo info, VitPrune.Score score) implements PruningMethod {

    @Override
    public boolean needsData() {
        return false;
    }
}
