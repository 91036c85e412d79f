package org.tinytitans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeploymentProjectionTest {

    final FootprintCalculator tutorial =
            new FootprintCalculator(EnergySettings.defaults(), CarbonIntensityTable.bundled());

    static EnergyReading estimated(double joules) {
        return EnergyReading.of(joules, EnergyMethod.CPU_TIME_TDP, "process");
    }

    @Test
    void savingsPerMillionInferencesFromPerInferenceEnergy() {
        DeploymentProjection p = tutorial.project(estimated(2.0), estimated(1.2), DeploymentProjection.MILLION);
        assertEquals(2e6 / 3.6e6, p.denseKWh(), 1e-12);
        assertEquals(1.2e6 / 3.6e6, p.prunedKWh(), 1e-12);
        double saved = 0.8e6 / 3.6e6;
        assertEquals(saved, p.savedKWh(), 1e-12);
        // same method on both sides: errors move together, the saving keeps ±50%
        assertEquals(saved * 0.5, p.savedLowKWh(), 1e-12);
        assertEquals(saved * 1.5, p.savedHighKWh(), 1e-12);
        assertEquals(saved * 0.432, p.savedCo2Kg(), 1e-12);
        assertNull(p.savedEnergyCostUsd());
    }

    @Test
    void mixedMethodsGiveTheConservativeRange() {
        EnergyReading dense = EnergyReading.of(2.0, EnergyMethod.NVML_ENERGY, "GPU 0");
        EnergyReading pruned = estimated(1.2);
        DeploymentProjection p = tutorial.project(dense, pruned, 1000);
        assertEquals((1.9 - 1.8) * 1000 / 3.6e6, p.savedLowKWh(), 1e-15);
        assertEquals((2.1 - 0.6) * 1000 / 3.6e6, p.savedHighKWh(), 1e-15);
    }

    @Test
    void priceAndPueCarryIntoTheSavings() {
        FootprintCalculator c = new FootprintCalculator(
                EnergySettings.defaults().withPue(1.5).withPrices(0.10, null).withWue(2.0), CarbonIntensityTable.bundled());
        DeploymentProjection p = c.project(estimated(3.6), estimated(1.8), DeploymentProjection.MILLION);
        assertEquals(0.5, p.savedKWh(), 1e-12);
        assertEquals(0.5 * 1.5 * 0.10, p.savedEnergyCostUsd(), 1e-12);
        assertEquals(1.0, p.savedWaterL(), 1e-12);
        assertEquals(0.5 * 1.5 * 0.432, p.savedCo2Kg(), 1e-12);
    }

    @Test
    void perInferenceEnergyComesFromALatencyPhase() {
        AtomicLong clock = new AtomicLong();
        try (EnergyMeter m = new EnergyMeter(new ForcedPowerSource(50), FixedSources.notUsed("gpu", "none"),
                FixedSources.notUsed("ram", "none"), clock::get, null)) {
            try (var p = m.phase("latency runs")) {
                clock.addAndGet(Duration.ofSeconds(20).toNanos());
            }
            EnergyReading per = DeploymentProjection.perInference(m.phases().get(0), 500);
            assertEquals(2.0, per.joules(), 1e-12); // 50 W × 20 s / 500
            assertEquals(1.0, per.lowJ(), 1e-12);
        }
    }

    @Test
    void unmeasuredInputsAreRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tutorial.project(EnergyReading.unmeasured("GPU 0"), estimated(1), 10));
        assertTrue(e.getMessage().contains("dense model is unmeasured"), e.getMessage());
    }
}
