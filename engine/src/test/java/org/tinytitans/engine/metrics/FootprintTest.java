package org.tinytitans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FootprintTest {

    final CarbonIntensityTable table = CarbonIntensityTable.bundled();

    FootprintCalculator calc(EnergySettings s) {
        return new FootprintCalculator(s, table);
    }

    @Test
    void tutorialArithmeticHoldsExactly() {
        assertEquals(0.6, FootprintCalculator.kWh(300, Duration.ofHours(2)));
        Footprint f = calc(EnergySettings.defaults()).of(0.6, 0.6, 0.6, null, true);
        assertEquals(0.2592, f.co2Kg());
        assertEquals("tutorial default (ML CO2 Impact, OECD 2014 avg)", f.intensity().source());
    }

    @Test
    void tutorialArithmeticHoldsThroughTheMeter() {
        AtomicLong clock = new AtomicLong();
        try (EnergyMeter m = new EnergyMeter(new ForcedPowerSource(300), FixedSources.notUsed("gpu", "none"),
                FixedSources.notUsed("ram", "none"), clock::get, null)) {
            try (var p = m.phase("fine-tuning")) {
                clock.addAndGet(Duration.ofHours(2).toNanos());
            }
            PhaseEnergy e = m.phases().get(0);
            assertEquals(0.6, e.totalKWh());
            Footprint f = calc(EnergySettings.defaults()).of(e);
            assertEquals(0.2592, f.co2Kg());
            assertEquals("user:forced", e.cpu().method());
        }
    }

    @Test
    void pueScalesFacilityEnergyAndCarbon() {
        EnergySettings s = EnergySettings.defaults().withRegion("BRA").withPue(1.2);
        Footprint f = calc(s).of(10.0, 5.0, 15.0, 1.0, true);
        assertEquals(12.0, f.facilityKWh(), 1e-12);
        assertEquals(12.0 * 0.0983, f.co2Kg(), 1e-12);
        assertEquals(6.0 * 0.0983, f.co2LowKg(), 1e-12);
        assertEquals(18.0 * 0.0983, f.co2HighKg(), 1e-12);
        assertTrue(f.intensity().describe().contains("BRA"));
    }

    @Test
    void waterAndCostStayNotSetUntilGiven() {
        Footprint f = calc(EnergySettings.defaults()).of(10.0, 5.0, 15.0, 2.0, true);
        assertNull(f.waterL());
        assertNull(f.energyCostUsd());
        assertNull(f.deviceHourCostUsd());
        assertNull(f.costUsd());
    }

    @Test
    void waterUsesItEnergyAndCostsUseFacilityEnergyAndDeviceHours() {
        EnergySettings s = EnergySettings.defaults().withPue(1.5).withWue(1.8).withPrices(0.20, 4.0)
                .withGpus(List.of(0, 1));
        AtomicLong clock = new AtomicLong();
        PhaseEnergy e;
        try (EnergyMeter m = new EnergyMeter(new ForcedPowerSource(1000), FixedSources.notUsed("gpu", "none"),
                FixedSources.notUsed("ram", "none"), clock::get, null)) {
            try (var p = m.phase("fine-tuning")) {
                clock.addAndGet(Duration.ofMinutes(90).toNanos());
            }
            e = m.phases().get(0);
        }
        Footprint f = calc(s).of(e);
        assertEquals(1.5, f.itKWh(), 1e-12);
        assertEquals(1.8 * 1.5, f.waterL(), 1e-12);           // WUE × IT energy (The Green Grid)
        assertEquals(1.5 * 1.5 * 0.20, f.energyCostUsd(), 1e-12); // facility kWh × price
        assertEquals(3.0, f.deviceHours(), 1e-12);             // 1.5 h × 2 GPUs
        assertEquals(12.0, f.deviceHourCostUsd(), 1e-12);
        assertEquals(f.energyCostUsd(), f.costUsd());
    }

    @Test
    void badSettingsAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnergySettings.defaults().withPue(0.8));
        assertEquals("pue must be a number of at least 1.0, got 0.8", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EnergySettings.defaults().withIntensity(-0.1));
        assertThrows(IllegalArgumentException.class, () -> EnergySettings.defaults().withCpuWatts(0.0, null));
        assertThrows(IllegalArgumentException.class, () -> EnergySettings.defaults().withGpus(List.of(-1)));
    }
}
