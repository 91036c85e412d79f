package org.tinytitans.engine.search;

import java.util.List;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * What a search asks of the experiment that runs it: prune the unpruned model with concrete blocks (every `ratio auto`
 * replaced by a plan), optionally fine-tune briefly, and evaluate the objective on the search's held-out samples.
 */
public interface PlanRunner {

    /** The objective of the unpruned model on the search's samples. */
    double baseline();

    /** Exact counts of the model pruned with these blocks, from estimates (nothing runs). */
    Counts counts(List<PruneSpec> blocks);

    /** The prunable units of the auto block (its input model's layer or block names), in the pruner's order. */
    List<String> units(int block);

    /**
     * Prunes with these blocks, fine-tunes {@code epochs} (0: none), evaluates.
     *
     * @param timed also time the pruned model (latency budgets without a latency table)
     */
    Outcome run(List<PruneSpec> blocks, int epochs, boolean timed);

    /** What one evaluation gave: the objective, the pruned model's real counts, its median latency when timed. */
    record Outcome(double objective, Counts counts, Double latencyMs) {}
}
