package org.tinytitans.engine.prune;

import java.util.List;
import java.util.Map;
import org.tinytitans.engine.graph.Graph;

/**
 * A structured pruning plan: the smaller graph plus, per layer, which output channels ({@code keptOut}: a
 * pruned conv and its tied BN/depthwise layers) and which input channels or features ({@code keptIn}: the
 * consumers) survive, as ascending original indices. Layers absent from both maps keep everything; layers of
 * {@code removedBlocks} are gone. Applying it to weights is {@link Surgery}'s job.
 */
public record Plan(Graph before, Graph after, Map<String, int[]> keptOut, Map<String, int[]> keptIn,
                   List<String> removedBlocks) {

    public int removedFilters() {
        return (int) (before.counts().filters() - after.counts().filters());
    }
}
