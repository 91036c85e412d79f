package org.tinytitans.engine.prune;

import java.util.List;
import org.tinytitans.engine.model.Network;

/** Removes whole residual blocks (a ratio of the candidates, or a count), lowest score first. */
public final class LayerPruning {

    private LayerPruning() {}

    /**
     * @param scores one float per {@code net.blockUnits()} entry, lower = removed first
     * @param ratio  fraction of the candidate blocks, or null when {@code count} is given
     * @return a new network without the chosen blocks
     */
    public static Network apply(Network net, float[] scores, Double ratio, Integer count, List<String> exclude) {
        return Surgery.apply(net, LayerPlanner.plan(net.graph(), scores, ratio, count, exclude));
    }
}
