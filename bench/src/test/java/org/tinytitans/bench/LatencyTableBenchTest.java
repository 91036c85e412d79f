package org.tinytitans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyTableBenchTest {

    @Test
    void spearmanIsOneForTheSameOrderMinusOneForTheReverse() {
        assertEquals(1.0, LatencyTableBench.spearman(List.of(1.0, 2.0, 3.0, 4.0), List.of(10.0, 20.0, 35.0, 90.0)), 1e-12);
        assertEquals(-1.0, LatencyTableBench.spearman(List.of(1.0, 2.0, 3.0, 4.0), List.of(9.0, 5.0, 2.0, 1.0)), 1e-12);
        // one adjacent swap of four: 1 - 6 * 2 / (4 * 15)
        assertEquals(0.8, LatencyTableBench.spearman(List.of(1.0, 2.0, 3.0, 4.0), List.of(1.0, 3.0, 2.0, 4.0)), 1e-12);
    }
}
