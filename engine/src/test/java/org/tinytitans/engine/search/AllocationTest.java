package org.tinytitans.engine.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.graph.FilterGroup;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.prune.Estimate;
import org.tinytitans.engine.prune.FilterPlanner;
import org.tinytitans.engine.prune.Scope;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.language.resolve.Granularity;

/** Exact budgets on ResNet-20's graph: the bisection's ratio is the least that fits, the greedy and blended plans fit. */
class AllocationTest {
    private final Graph g = Zoo.build("resnet20");
    private final List<String> units = FilterPlanner.units(g).stream().map(FilterGroup::conv).toList();
    private final long macs0 = g.counts().macs();

    private Counts counts(Map<String, Double> plan) {
        return Estimate.step(g, Granularity.FILTERS, 0.0, null, Scope.PER_LAYER, List.of(), 1, plan).low();
    }

    private Allocation half() {
        return new Allocation(units, 0.99, this::counts, c -> c.macs() <= 0.5 * macs0);
    }

    @Test
    void theUniformRatioIsTheLeastThatFits() {
        Allocation a = half();
        Map<String, Double> u = a.uniform();
        assertNotNull(u);
        assertTrue(a.fits(u));
        double r = u.values().iterator().next();
        assertFalse(a.fits(a.at(r - 0.01)), "1% less on every layer misses the budget, so " + r + " is the least");
    }

    @Test
    void greedyFollowsTheCurvesAndStillFitsExactly() {
        Allocation a = half();
        // a made-up curve: the first layer is costly to prune, the rest cheap
        Allocation.LossCurve loss = (layer, ratio) -> layer.equals(units.get(0)) ? ratio * 10 : ratio;
        Map<String, Double> plan = a.greedy(0.05, loss, (b, c) -> (double) (b.macs() - c.macs()));
        assertNotNull(plan);
        assertTrue(a.fits(plan));
        assertTrue(plan.get(units.get(0)) < plan.get(units.get(1)), "the costly layer is pruned less: " + plan);
        Map<String, Double> blend = a.blend(plan, a.uniform(), 0.5);
        assertTrue(a.fits(blend));
        // nothing spare: the last raised layer one filter less would miss
        Map<String, Double> less = new LinkedHashMap<>(plan);
        less.replaceAll((k, v) -> Math.max(0, v - 0.05));
        assertFalse(a.fits(less));
    }

    @Test
    void anUnreachableBudgetHasNoPlan() {
        Allocation a = new Allocation(units, 0.99, this::counts, c -> c.macs() <= 0.0001 * macs0);
        assertNull(a.uniform());
        assertNull(a.greedy(0.1, (l, r) -> r, (b, c) -> (double) (b.macs() - c.macs())));
    }
}
