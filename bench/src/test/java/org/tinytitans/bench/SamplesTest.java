package org.tinytitans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SamplesTest {

    private static Samples of(double... ms) { return new Samples("t", ms); }

    @Test
    void percentilesInterpolateLikeNumpy() {
        Samples s = of(4, 1, 3, 2); // sorted 1 2 3 4
        assertEquals(2.5, s.p50(), 1e-12);
        assertEquals(3.97, s.p99(), 1e-12); // position 0.99 * 3 = 2.97 between 3 and 4
        assertEquals(1, s.min());
        assertEquals(4, s.max());
    }

    @Test
    void oneSampleIsEveryPercentile() {
        assertEquals(7, of(7).p99());
    }

    @Test
    void ratioIsMedianOverMedian() {
        assertEquals(0.5, of(1, 2, 3).ratioTo(of(2, 4, 6)), 1e-12);
    }

    @Test
    void rejectsNoSamplesAndBadPercentiles() {
        assertThrows(IllegalArgumentException.class, () -> of());
        assertThrows(IllegalArgumentException.class, () -> of(1).percentile(101));
    }

    @Test
    void samplesAreCopied() {
        double[] ms = {1, 2, 3};
        Samples s = new Samples("t", ms);
        ms[1] = 100;
        assertEquals(2, s.p50());
    }

    @Test
    void pairedSpeedupIsTheMedianOfRoundRatios() {
        Samples dense = of(10, 100, 12), pruned = of(5, 40, 8); // rounds: x2, x2.5, x1.5
        assertEquals(2.0, pruned.pairedSpeedupOver(dense), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> pruned.pairedSpeedupOver(of(1, 2)));
    }
}
