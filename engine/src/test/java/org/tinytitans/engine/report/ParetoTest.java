package org.tinytitans.engine.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParetoTest {

    static boolean[] front(double[] flops, double[] accuracy) {
        return Pareto.front(flops, true, accuracy, true);
    }

    @Test
    void dominatedPointsAreNotOnTheFront() {
        double[] flops = {10, 6, 4, 6, 4, 8};
        double[] acc = {0.98, 0.97, 0.94, 0.96, 0.93, 0.96};
        // (6,.96) loses to (6,.97); (4,.93) to (4,.94); (8,.96) to (6,.97)
        assertArrayEquals(new boolean[] {true, true, true, false, false, false}, front(flops, acc));
    }

    @Test
    void equalPointsDoNotDominateEachOther() {
        assertArrayEquals(new boolean[] {true, true}, front(new double[] {5, 5}, new double[] {0.9, 0.9}));
    }

    @Test
    void betterOnOneAxisOnlyIsEnoughToStay() {
        // same accuracy, fewer FLOPs wins; same FLOPs, higher accuracy wins
        assertArrayEquals(new boolean[] {false, true}, front(new double[] {5, 4}, new double[] {0.9, 0.9}));
        assertArrayEquals(new boolean[] {false, true}, front(new double[] {5, 5}, new double[] {0.8, 0.9}));
    }

    @Test
    void perplexityIsLowerBetter() {
        double[] flops = {10, 5, 5};
        double[] ppl = {20, 30, 25};
        assertArrayEquals(new boolean[] {true, false, true}, Pareto.front(flops, true, ppl, false));
    }

    @Test
    void missingValuesAreNeitherOptimalNorDominating() {
        double[] flops = {Double.NaN, 6, 4};
        double[] acc = {0.99, 0.9, Double.NaN};
        assertArrayEquals(new boolean[] {false, true, false}, front(flops, acc));
    }

    @Test
    void fixtureSweepFrontIsTheL1Points() {
        RunResult run = Fixture.sweep();
        boolean[] flags = Pareto.front(run.experiments(), "flops", "accuracy");
        // l1 30/50/70 optimal, both random points dominated, the failed fpgm run excluded
        assertArrayEquals(new boolean[] {true, true, true, false, false, false}, flags);
    }

    @Test
    void lengthsMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> front(new double[] {1}, new double[] {1, 2}));
    }
}
