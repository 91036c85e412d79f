package org.tinytitans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which source the facade picks on which machine, as the method labels show. */
class GreenMetricsTest {

    @TempDir
    Path sysfs;

    final AtomicLong clock = new AtomicLong();
    final AtomicLong cpuNanos = new AtomicLong();

    MetricsEnvironment machine(SysfsReader reader, CommandRunner smi, String cpuModel) {
        return new MetricsEnvironment(List.of(sysfs), reader, smi, cpuNanos::get, () -> 2L << 30, cpuModel,
                clock::get, false);
    }

    /** Runs one 10 s phase in which the process uses 20 s of CPU time, and returns it. */
    PhaseEnergy tenSeconds(GreenMetrics gm) {
        try (var p = gm.meter().phase("fine-tuning")) {
            clock.addAndGet(10_000_000_000L);
            cpuNanos.addAndGet(20_000_000_000L);
        }
        return gm.meter().phases().get(0);
    }

    @Test
    void thisKindOfVmGetsACpuTimeEstimate() {
        try (GreenMetrics gm = GreenMetrics.forSettings(EnergySettings.defaults(),
                machine(SysfsReader.FILES, FakeNvidiaSmi.missing(), "AMD EPYC"))) {
            PhaseEnergy e = tenSeconds(gm);
            assertEquals("estimated:cpu-time-tdp", e.cpu().method());
            assertEquals(80.0, e.cpu().joules(), 1e-9); // 20 s × 4 W
            assertEquals("not-used", e.gpu().method());
            assertEquals("estimated:ram-model", e.ram().method());
            assertEquals(2 * 0.3725 * 10, e.ram().joules(), 1e-9);
            assertTrue(gm.notes().isEmpty(), gm.notes().toString());
            assertEquals(CarbonIntensity.TUTORIAL_DEFAULT, gm.footprint().intensity());
        }
    }

    @Test
    void readableRaplIsMeasuredIncludingDram() {
        FakeRapl rapl = new FakeRapl(sysfs).zone("intel-rapl:0", "package-0", 0, 1L << 40)
                .zone("intel-rapl:0/intel-rapl:0:2", "dram", 0, 1L << 40);
        try (GreenMetrics gm = GreenMetrics.forSettings(EnergySettings.defaults(),
                machine(SysfsReader.FILES, FakeNvidiaSmi.missing(), "AMD EPYC"))) {
            var p = gm.meter().phase("scoring");
            rapl.energy("intel-rapl:0", 500_000_000).energy("intel-rapl:0/intel-rapl:0:2", 20_000_000);
            PhaseEnergy e = p.stop();
            assertEquals("measured:rapl", e.cpu().method());
            assertEquals(500.0, e.cpu().joules(), 1e-9);
            assertEquals("measured:rapl-dram", e.ram().method());
            assertEquals(20.0, e.ram().joules(), 1e-9);
        }
    }

    @Test
    void deniedRaplFallsBackToTheEstimateWithTheHint() {
        new FakeRapl(sysfs).zone("intel-rapl:0", "package-0", 0, 1L << 40);
        SysfsReader denying = f -> {
            if (f.endsWith("energy_uj")) {
                throw new AccessDeniedException(f.toString());
            }
            return SysfsReader.FILES.read(f);
        };
        try (GreenMetrics gm = GreenMetrics.forSettings(EnergySettings.defaults(),
                machine(denying, FakeNvidiaSmi.missing(), "AMD EPYC 9654 96-Core Processor"))) {
            PhaseEnergy e = tenSeconds(gm);
            assertEquals("estimated:cpu-time-tdp", e.cpu().method());
            assertEquals(20 * 360.0 / 192, e.cpu().joules(), 1e-9);
            assertEquals(1, gm.notes().size());
            assertTrue(gm.notes().get(0).contains("chmod a+r"));
        }
    }

    @Test
    void userWattsWinAndAMissingGpuToolIsUnmeasured() {
        EnergySettings s = EnergySettings.defaults().withCpuWatts(null, 65.0).withGpus(List.of(0));
        try (GreenMetrics gm = GreenMetrics.forSettings(s, machine(SysfsReader.FILES, FakeNvidiaSmi.missing(), null))) {
            PhaseEnergy e = tenSeconds(gm);
            assertEquals("user:forced", e.cpu().method());
            assertEquals(650.0, e.cpu().joules(), 1e-9);
            assertEquals("unmeasured", e.gpu().method());
            assertEquals(List.of("gpu"), e.unmeasured());
            assertTrue(gm.notes().get(0).contains("GPU 0 is unmeasured"), gm.notes().toString());
        }
    }

    @Test
    void aGpuJobIntegratesNvidiaSmiPowerAndSamplesGpuMemory() {
        FakeNvidiaSmi smi = new FakeNvidiaSmi() // answers: the probe, the meter's opening, the phase start, the phase stop
                .power("0, NVIDIA H200, 100", "0, NVIDIA H200, 100", "0, NVIDIA H200, 100", "0, NVIDIA H200, 300").memory("0, 5000, 143771");
        EnergySettings s = EnergySettings.defaults().withGpus(List.of(0)).withRegion("FRA");
        try (GreenMetrics gm = GreenMetrics.forSettings(s, machine(SysfsReader.FILES, smi, null))) {
            PhaseEnergy e = tenSeconds(gm);
            assertEquals("measured:nvidia-smi-power", e.gpu().method());
            assertEquals(2000.0, e.gpu().joules(), 1e-9); // (100 + 300) / 2 W × 10 s
            assertEquals(5000, gm.memory().read().gpus().get(0).peakUsedMiB());
            Footprint f = gm.footprint().of(e);
            assertEquals(e.totalKWh() * 0.056, f.co2Kg(), 1e-12);
        }
    }

    @Test
    void onThisMachineBusyCpuTimeCostsEnergyWithAnHonestLabel() {
        // real /proc, real CPU time, real background poller; bounded by CPU time used, not by wall time
        try (GreenMetrics gm = GreenMetrics.forSettings(EnergySettings.defaults())) {
            PhaseEnergy e;
            try (var p = gm.meter().phase("scoring")) {
                long start = CpuTimeSource.processCpuNanos();
                double x = 0;
                while (CpuTimeSource.processCpuNanos() - start < 50_000_000L) {
                    x += Math.sqrt(x + 1);
                }
                assertTrue(x > 0);
            }
            e = gm.meter().phases().get(0);
            assertTrue(List.of("measured:rapl", "estimated:cpu-time-tdp").contains(e.cpu().method()), e.cpu().method());
            assertTrue(e.cpu().joules() > 0, String.valueOf(e.cpu()));
            assertEquals("not-used", e.gpu().method());
            assertTrue(e.complete());
            assertTrue(gm.memory().read().heapPeakBytes() > 0);
        }
    }
}
