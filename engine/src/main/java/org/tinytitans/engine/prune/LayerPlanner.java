package org.tinytitans.engine.prune;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.ResidualBlock;
import org.tinytitans.engine.graph.Rewrites;

/**
 * Chooses residual blocks to remove, by the tutorial's rules ({@code rebuild_layers}): candidates are the blocks
 * with an identity shortcut except the very first block of stage 1; a block goes only while its stage keeps at
 * least 2 blocks. Lower score = removed first.
 */
public final class LayerPlanner {

    public static final int MIN_BLOCKS_PER_STAGE = 2;

    private LayerPlanner() {}

    /** The removable blocks, in graph order: the ScoringModel's blockUnits order. */
    public static List<ResidualBlock> candidates(Graph g) {
        return g.removableBlocks();
    }

    /** How many blocks a ratio or a count asks for; a ratio is a fraction of the candidates. */
    public static int requested(Graph g, Double ratio, Integer count) {
        if (candidates(g).isEmpty() && (count != null ? count > 0 : ratio != null && ratio > 0)) {
            throw new IllegalArgumentException(g.name() + " has no removable residual blocks; use prune filters or weights");
        }
        if (count != null) {
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative, not " + count);
            }
            return count;
        }
        if (ratio == null) {
            throw new IllegalArgumentException("layer pruning needs a ratio or a count");
        }
        return Rounding.count(ratio, candidates(g).size());
    }

    public static Plan plan(Graph g, float[] scores, Double ratio, Integer count, List<String> exclude) {
        List<ResidualBlock> units = candidates(g);
        if (scores.length != units.size()) {
            throw new IllegalArgumentException(g.name() + " has " + units.size() + " removable blocks but " + scores.length + " scores were given");
        }
        int k = requested(g, ratio, count);
        Globs skip = Globs.of(exclude);
        List<ResidualBlock> order = new ArrayList<>();
        for (int i : FilterPlanner.ascending(scores)) {
            if (!skip.matches(units.get(i).name())) {
                order.add(units.get(i));
            }
        }
        Set<String> chosen = choose(g, order, k);
        if (chosen.size() < k) {
            throw new IllegalArgumentException("only " + chosen.size() + " of the " + k + " requested blocks of " + g.name()
                    + " can be removed (each stage keeps at least " + MIN_BLOCKS_PER_STAGE + " blocks; excluded blocks stay)");
        }
        return new Plan(g, Rewrites.withoutBlocks(g, chosen), Map.of(), Map.of(), List.copyOf(chosen));
    }

    /** Takes blocks in the given order while their stage keeps enough blocks, up to k. */
    static Set<String> choose(Graph g, List<ResidualBlock> order, int k) {
        int[] left = g.blocksPerStage();
        Set<String> chosen = new LinkedHashSet<>();
        for (ResidualBlock b : order) {
            if (chosen.size() == k) {
                break;
            }
            if (left[b.stage() - 1] - 1 >= MIN_BLOCKS_PER_STAGE) {
                left[b.stage() - 1]--;
                chosen.add(b.name());
            }
        }
        return chosen;
    }
}
