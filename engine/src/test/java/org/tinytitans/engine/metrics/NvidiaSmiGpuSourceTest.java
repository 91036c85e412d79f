package org.tinytitans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NvidiaSmiGpuSourceTest {

    static final long SECOND = 1_000_000_000L;
    List<String> notes = new ArrayList<>();

    @Test
    void withoutACounterPowerSamplesAreIntegratedByTrapezoids() {
        FakeNvidiaSmi smi = new FakeNvidiaSmi().power("0, NVIDIA H200, 80.0", "0, NVIDIA H200, 80.0",
                "0, NVIDIA H200, 680.0", "0, NVIDIA H200, 680.0");
        NvidiaSmiGpuSource gpu = assertInstanceOf(NvidiaSmiGpuSource.class,
                NvidiaSmiGpuSource.open(smi, List.of(0), notes::add));
        assertFalse(gpu.usesCounter());
        gpu.poll(0);              // 80 W
        gpu.poll(2 * SECOND);     // 680 W: (80 + 680) / 2 × 2 s = 760 J
        gpu.poll(3 * SECOND);     // 680 W: + 680 J
        assertEquals(1440.0, gpu.joules(), 1e-9);

        EnergyReading r = gpu.reading(1440.0, Duration.ofSeconds(3));
        assertEquals("measured:nvidia-smi-power", r.method());
        // ±10% and nvidia-smi's ±5 W per reading over 3 s
        assertEquals(1440 * 0.9 - 15, r.lowJ(), 1e-9);
        assertEquals(1440 * 1.1 + 15, r.highJ(), 1e-9);
        assertTrue(r.scope().contains("GPU 0 NVIDIA H200"), r.scope());
        assertTrue(smi.calls.get(1).containsAll(List.of("-i", "0")), smi.calls.get(1).toString());
    }

    @Test
    void twoGpusAreSummed() {
        FakeNvidiaSmi smi = new FakeNvidiaSmi().power("0, A, 100\n1, B, 200", "0, A, 100\n1, B, 200");
        EnergySource gpu = NvidiaSmiGpuSource.open(smi, List.of(0, 1), notes::add);
        gpu.poll(0);
        gpu.poll(10 * SECOND);
        assertEquals(3000.0, gpu.joules(), 1e-9);
    }

    @Test
    void anEnergyCounterWithUnitsIsPreferred() {
        FakeNvidiaSmi smi = new FakeNvidiaSmi().energy("0, NVIDIA H200, 17533691", "0, NVIDIA H200, 26632275");
        NvidiaSmiGpuSource gpu = assertInstanceOf(NvidiaSmiGpuSource.class,
                NvidiaSmiGpuSource.open(smi, List.of(0), notes::add));
        assertTrue(gpu.usesCounter());
        gpu.poll(SECOND);
        assertEquals(9098.584, gpu.joules(), 1e-6); // mJ → J
        EnergyReading r = gpu.reading(9098.584, Duration.ofSeconds(14));
        assertEquals("measured:nvml-energy", r.method());
        assertEquals(9098.584 * 0.95, r.lowJ(), 1e-6);
    }

    @Test
    void counterUnitIsReadFromTheHeader() {
        assertEquals(1e-3, NvidiaSmiGpuSource.unitToJoules(List.of("index", "name", "total_energy_consumption [mJ]")));
        assertEquals(1.0, NvidiaSmiGpuSource.unitToJoules(List.of("index", "name", "total_energy_consumption [J]")));
        assertEquals(0.0, NvidiaSmiGpuSource.unitToJoules(List.of("index", "name", "total_energy_consumption")));
    }

    @Test
    void noNvidiaSmiMeansUnmeasuredNeverZero() {
        EnergySource gpu = NvidiaSmiGpuSource.open(FakeNvidiaSmi.missing(), List.of(0), notes::add);
        gpu.poll(0);
        assertTrue(Double.isNaN(gpu.joules()));
        EnergyReading r = gpu.reading(gpu.joules(), Duration.ofSeconds(1));
        assertFalse(r.measured());
        assertEquals("unmeasured", r.method());
        assertTrue(notes.get(0).contains("nvidia-smi could not be run"), notes.toString());
    }

    @Test
    void powerNotSupportedMeansUnmeasured() {
        FakeNvidiaSmi smi = new FakeNvidiaSmi().power("0, Tesla K80, [N/A]");
        EnergySource gpu = NvidiaSmiGpuSource.open(smi, List.of(0), notes::add);
        assertTrue(Double.isNaN(gpu.joules()));
        assertTrue(notes.get(0).contains("reports no power"), notes.toString());
    }

    @Test
    void theRealRunnerReturnsOutputAndExitCode() throws IOException {
        CommandRunner.Result r = CommandRunner.PROCESS.run(List.of("sh", "-c", "echo '0, 80.11'; exit 3"));
        assertEquals(3, r.exitCode());
        assertEquals("0, 80.11", r.output().trim());
    }
}
