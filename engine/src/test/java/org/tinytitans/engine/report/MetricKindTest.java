package org.tinytitans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MetricKindTest {

    @Test
    void changesSayPointsForFractionsAndPercentForTheRest() {
        assertEquals("-0.5 points", MetricKind.of("accuracy").change(0.99, 0.985));
        assertEquals("-50%", MetricKind.of("flops").change(10, 5));
        assertEquals("+10%", MetricKind.of("perplexity").change(20, 22));
        assertEquals("97.53%", MetricKind.of("accuracy").format(0.9753));
        assertEquals("1.3 ms", MetricKind.of("latency_ms").format(1.3));
    }
}
