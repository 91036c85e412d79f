package org.tinytitans.engine.methods;

import org.tinytitans.language.catalog.MethodInfo;

/**
 * Visual tokens of a vision-language model, dropped while it answers (org.tinytitans.engine.vlm.TokenDrop): the
 * criterion ranks each input's image tokens inside the forward pass, so it reads no calibration data.
 */
public record VisualTokens(MethodInfo info) implements PruningMethod {

    @Override
    public boolean needsData() {
        return false;
    }
}
