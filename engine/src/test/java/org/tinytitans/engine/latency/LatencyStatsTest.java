package org.tinytitans.engine.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesInterpolateLikeNumpy() {
        double[] v = {4, 1, 3, 2};
        assertEquals(1, Percentiles.of(v, 0));
        assertEquals(2.5, Percentiles.of(v, 50), 1e-12);
        assertEquals(3.7, Percentiles.of(v, 90), 1e-12);
        assertEquals(3.97, Percentiles.of(v, 99), 1e-12);
        assertEquals(4, Percentiles.of(v, 100));
        assertEquals(7, Percentiles.of(new double[] {7}, 90));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(new double[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Percentiles.of(v, 101));
    }

    @Test
    void statisticsOfAKnownSample() {
        LatencyStats s = LatencyStats.of("dense", new double[] {5, 1, 4, 2, 3}, 8);
        assertEquals(5, s.runs());
        assertEquals(3, s.p50(), 1e-12);
        assertEquals(4.6, s.p90(), 1e-12);
        assertEquals(4.96, s.p99(), 1e-12);
        assertEquals(3, s.mean(), 1e-12);
        assertEquals(1, s.min());
        assertEquals(5, s.max());
        assertEquals(Math.sqrt(2.5), s.stddev(), 1e-12);
        assertEquals(2, s.iqr(), 1e-12);
        assertEquals(8 * 1000.0 / 3, s.throughput(), 1e-9);
    }

    @Test
    void oneRunHasNoSpread() {
        LatencyStats s = LatencyStats.of("one", new double[] {2}, 1);
        assertEquals(0, s.stddev());
        assertEquals(0, s.iqr());
        assertEquals(500, s.throughput(), 1e-9);
    }
}
