package org.tinytitans.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void countsAreShortWithSiSuffixes() {
        assertEquals("421.64K", Figures.count(421642));
        assertEquals("12.35M", Figures.count(12345678));
        assertEquals("2G", Figures.count(2e9));
        assertEquals("512", Figures.count(512));
    }

    @Test
    void numbersKeepAboutFourSignificantDigits() {
        assertEquals("1.235", Figures.num(1.23456));
        assertEquals("0.000412", Figures.num(0.000412));
        assertEquals("830.5", Figures.num(830.5));
        assertEquals("0", Figures.num(-0.0));
    }

    @Test
    void changesSayPointsForFractionsAndPercentForTheRest() {
        assertEquals("-0.5 pp", MetricKind.of("accuracy").change(0.99, 0.985));
        assertEquals("-50%", MetricKind.of("flops").change(10, 5));
        assertEquals("+10%", MetricKind.of("perplexity").change(20, 22));
        assertEquals("97.53%", MetricKind.of("accuracy").format(0.9753));
        assertEquals("1.3 ms", MetricKind.of("latency_ms").format(1.3));
    }
}
