package org.tinytitans.engine.prune;

import java.util.List;
import org.tinytitans.engine.model.Network;

/** Structured filter pruning of a network: plan from scores, then physical surgery into a new network. */
public final class FilterPruning {

    private FilterPruning() {}

    /**
     * @param scores one float per filter for each of {@code net.filterUnits()}, lower = removed first
     * @return a new, smaller network (the source is left untouched and still owned by the caller)
     */
    public static Network apply(Network net, List<float[]> scores, double ratio, Scope scope, List<String> exclude) {
        return Surgery.apply(net, FilterPlanner.plan(net.graph(), scores, ratio, scope, exclude));
    }

    /** As above; {@code seed} drives the tutorial scope's random top-up. */
    public static Network apply(Network net, List<float[]> scores, double ratio, Scope scope, List<String> exclude, long seed) {
        return Surgery.apply(net, FilterPlanner.plan(net.graph(), scores, ratio, scope, exclude, seed));
    }

    /** As above; each pruned layer keeps a multiple of {@code roundTo} filters (1 = off). */
    public static Network apply(Network net, List<float[]> scores, double ratio, Scope scope, List<String> exclude, long seed, int roundTo) {
        return Surgery.apply(net, FilterPlanner.plan(net.graph(), scores, ratio, scope, exclude, seed, roundTo));
    }

    /** As above with `layer "NAME" ratio R` lines: each named layer loses its own fraction. */
    public static Network apply(Network net, List<float[]> scores, double ratio, Scope scope, List<String> exclude, long seed, int roundTo,
                                java.util.Map<String, Double> perLayer) {
        return Surgery.apply(net, FilterPlanner.plan(net.graph(), scores, ratio, scope, exclude, seed, roundTo, perLayer));
    }

    public static Network apply(Network net, float[][] scores, double ratio, String scope, List<String> exclude) {
        return apply(net, List.of(scores), ratio, Scope.parse(scope), exclude);
    }

    public static Network apply(Network net, List<float[]> scores, double ratio, String scope, List<String> exclude) {
        return apply(net, scores, ratio, Scope.parse(scope), exclude);
    }
}
