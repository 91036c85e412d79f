package org.tinytitans.engine.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void countsAreShortWithSiSuffixes() {
        assertEquals("421.64K", Figures.count(421642));
        assertEquals("12.35M", Figures.count(12345678));
        assertEquals("2G", Figures.count(2e9));
        assertEquals("512", Figures.count(512));
        assertEquals("1,742,762", Figures.whole(1742762));
    }

    @Test
    void numbersKeepAboutFourSignificantDigits() {
        assertEquals("1.235", Figures.num(1.23456));
        assertEquals("0.000412", Figures.num(0.000412));
        assertEquals("0.0000032", Figures.num(3.2e-6));
        assertEquals("830.5", Figures.num(830.5));
        assertEquals("0", Figures.num(-0.0));
    }

    @Test
    void accuracyIsAPercentageAndItsChangeIsInPoints() {
        assertEquals("96.66%", Figures.metric(0.9666, "fraction"));
        assertEquals("-0.95 points", Figures.change(0.9666, 0.9571, "fraction"));
        assertEquals("+0.5 points", Figures.points(0.005));
    }

    @Test
    void theRestReadsInItsUnitWithARelativeChange() {
        assertEquals("0.688 ms", Figures.metric(0.688, "ms"));
        assertEquals("1.12M", Figures.metric(1_120_000, ""));
        assertEquals("-50.7%", Figures.change(10, 4.93, "ms"));
        assertEquals("+10%", Figures.change(20, 22, ""));
        assertEquals("0%", Figures.change(0, 0, "MB"));
        assertEquals("n/a", Figures.change(0, 1, "MB"));
    }

    @Test
    void anEstimateCarriesItsRangeAndMethod() {
        assertEquals("0.021 kWh (0.011 to 0.032), estimated:cpu-time-tdp",
                Figures.estimate(0.021, 0.011, 0.032, "kWh", "estimated:cpu-time-tdp"));
        assertEquals("0.021 kWh", Figures.estimate(0.021, null, 0.032, "kWh", null));
        assertEquals("1.2M..1.3M", Figures.countRange(1_300_000, 1_200_000));
        assertEquals("1.2M", Figures.countRange(1_200_000, 1_200_000));
    }
}
