package org.tinytitans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EnergyMeterTest {

    static final long GIB = 1L << 30;
    final AtomicLong clock = new AtomicLong(0);

    void seconds(long s) {
        clock.addAndGet(s * 1_000_000_000L);
    }

    EnergyMeter meter(EnergySource gpu) {
        return new EnergyMeter(new ForcedPowerSource(100), gpu, new RamModelSource(() -> 4 * GIB, "4 GiB"),
                clock::get, null);
    }

    @Test
    void phasesGetTheirOwnEnergyAndTheTotalCoversTheGaps() {
        try (EnergyMeter m = meter(FixedSources.notUsed("gpu", "no GPU in this job"))) {
            seconds(5); // before any phase: only in the total
            try (var p = m.phase("scoring")) {
                seconds(10);
            }
            m.start("fine-tuning");
            seconds(30);
            PhaseEnergy ft = m.stop();

            List<PhaseEnergy> phases = m.phases();
            assertEquals(List.of("scoring", "fine-tuning"), phases.stream().map(PhaseEnergy::phase).toList());
            PhaseEnergy scoring = phases.get(0);
            assertEquals(Duration.ofSeconds(10), scoring.duration());
            assertEquals(1000.0, scoring.cpu().joules(), 1e-9);
            assertEquals(4 * 0.3725 * 10, scoring.ram().joules(), 1e-9);
            assertEquals(0.0, scoring.gpu().joules());
            assertEquals("not-used", scoring.gpu().method());
            assertEquals((1000 + 14.9) / 3.6e6, scoring.totalKWh(), 1e-15);
            assertTrue(scoring.complete());
            assertEquals(3000.0, ft.cpu().joules(), 1e-9);

            PhaseEnergy total = m.total();
            assertEquals(Duration.ofSeconds(45), total.duration());
            assertEquals(4500.0, total.cpu().joules(), 1e-9);
            // ±50% for both estimates, summed
            assertEquals(total.totalKWh() * 0.5, total.lowKWh(), 1e-12);
            assertEquals(total.totalKWh() * 1.5, total.highKWh(), 1e-12);
        }
    }

    @Test
    void nestedPhasesOverlap() {
        try (EnergyMeter m = meter(FixedSources.notUsed("gpu", "none"))) {
            try (var outer = m.phase("final evaluation")) {
                seconds(2);
                try (var inner = m.phase("latency runs")) {
                    seconds(3);
                }
                seconds(1);
            }
            assertEquals(300.0, m.phases().get(0).cpu().joules(), 1e-9);
            assertEquals(600.0, m.phases().get(1).cpu().joules(), 1e-9);
        }
    }

    @Test
    void anUnmeasuredGpuIsNamedAndLeftOutOfTheTotalNotCountedAsZero() {
        try (EnergyMeter m = meter(FixedSources.unmeasured("gpu", "GPU 0 in use, no power source"))) {
            try (var p = m.phase("fine-tuning")) {
                seconds(10);
            }
            PhaseEnergy e = m.phases().get(0);
            assertFalse(e.gpu().measured());
            assertTrue(Double.isNaN(e.gpu().joules()));
            assertFalse(e.complete());
            assertEquals(List.of("gpu"), e.unmeasured());
            assertEquals((1000 + 14.9) / 3.6e6, e.totalKWh(), 1e-15);
        }
    }

    @Test
    void stopWithoutAPhaseIsAClearError() {
        try (EnergyMeter m = meter(FixedSources.notUsed("gpu", "none"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, m::stop);
            assertTrue(e.getMessage().contains("without a running phase"));
        }
    }

    @Test
    void closingAPhaseTwiceRecordsItOnce() {
        try (EnergyMeter m = meter(FixedSources.notUsed("gpu", "none"))) {
            var p = m.phase("pruning");
            seconds(1);
            PhaseEnergy first = p.stop();
            seconds(1);
            p.close();
            assertEquals(1, m.phases().size());
            assertEquals(first, m.phases().get(0));
        }
    }
}
