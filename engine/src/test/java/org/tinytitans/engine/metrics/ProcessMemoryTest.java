package org.tinytitans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    static final String STATUS = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t  100000 kB\n";

    @Test
    void peakRssComesFromVmHwm() {
        ProcessMemory m = new ProcessMemory(Path.of("/fake/status"), f -> STATUS, null);
        assertEquals(123456L * 1024, m.read().peakRssBytes());
        assertEquals(100000L * 1024, RamModelSource.residentBytes(Path.of("/fake/status"), f -> STATUS));
    }

    @Test
    void noProcMeansUnknownNotZero() {
        ProcessMemory m = new ProcessMemory(Path.of("/none"), f -> {
            throw new NoSuchFileException(f.toString());
        }, null);
        assertNull(m.read().peakRssBytes());
    }

    @Test
    void heapPeakSeesARealAllocation() {
        ProcessMemory m = new ProcessMemory(Path.of("/fake/status"), f -> STATUS, null);
        m.resetPeaks();
        byte[][] held = new byte[16][];
        for (int i = 0; i < held.length; i++) {
            held[i] = new byte[1 << 20];
        }
        assertTrue(m.read().heapPeakBytes() >= 16L << 20, "heap peak " + m.read().heapPeakBytes());
        assertEquals(16, held.length);
    }

    @Test
    void realProcStatusIsParsedWhereItExists() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (Files.exists(status)) {
            ProcessMemory m = new ProcessMemory(status, SysfsReader.FILES, null);
            assertTrue(m.read().peakRssBytes() > 1 << 20);
        }
    }

    @Test
    void gpuMemoryPeaksAreSampledPerDevice() {
        long pid = ProcessHandle.current().pid();
        FakeNvidiaSmi smi = new FakeNvidiaSmi().memory("0, 1000, 143771", "0, 3000, 143771", "0, 2000, 143771")
                .apps(pid + ", 2500\n99999999, 400\n");
        ProcessMemory m = new ProcessMemory(Path.of("/fake/status"), f -> STATUS, new NvidiaSmi(smi, List.of(0)));
        m.sample();
        m.sample();
        m.sample();
        MemoryReading.GpuMemory g = m.read().gpus().get(0);
        assertEquals(new MemoryReading.GpuMemory(0, 3000, 143771, 2500L), g);
    }
}
