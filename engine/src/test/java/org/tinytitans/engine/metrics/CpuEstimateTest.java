package org.tinytitans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CpuEstimateTest {

    final CpuTdpTable table = CpuTdpTable.bundled();

    @Test
    void knownModelsGiveTdpPerThread() {
        assertEquals(360.0 / 192, table.lookup("AMD EPYC 9654 96-Core Processor").wattsPerThread(), 1e-12);
        assertEquals(350.0 / 112, table.lookup("Intel(R) Xeon(R) Platinum 8480+").wattsPerThread(), 1e-12);
        assertEquals(125.0 / 32, table.lookup("13th Gen Intel(R) Core(TM) i9-13900K").wattsPerThread(), 1e-12);
        assertTrue(table.lookup("AMD EPYC 7763 64-Core Processor").source().contains("EPYC 7763"));
    }

    @Test
    void maskedOrUnknownModelsFallBackToTheStatedDefault() {
        assertSame(CpuTdp.DEFAULT, table.lookup("AMD EPYC"));             // a hypervisor-masked name
        assertSame(CpuTdp.DEFAULT, table.lookup("Intel(R) Xeon(R) Processor"));
        assertSame(CpuTdp.DEFAULT, table.lookup("AMD EPYC 96540"));       // whole words only
        assertSame(CpuTdp.DEFAULT, table.lookup(null));
        assertEquals(4.0, CpuTdp.DEFAULT.wattsPerThread());
    }

    @Test
    void cpuTimeTimesWattsPerThreadIsLabelledEstimated() {
        AtomicLong cpuNanos = new AtomicLong(5_000_000_000L);
        CpuTimeSource cpu = new CpuTimeSource(cpuNanos::get, CpuTdp.DEFAULT);
        cpuNanos.set(15_000_000_000L); // 10 s of CPU time, e.g. two threads busy for 5 s
        cpu.poll(0);
        assertEquals(40.0, cpu.joules(), 1e-9);
        EnergyReading r = cpu.reading(40.0, Duration.ofSeconds(5));
        assertEquals("estimated:cpu-time-tdp", r.method());
        assertEquals(20.0, r.lowJ(), 1e-9);
        assertEquals(60.0, r.highJ(), 1e-9);
        assertTrue(r.scope().startsWith("process: CPU time × 4.00 W/thread (default 4 W/thread"), r.scope());
    }

    @Test
    void thisJvmReportsItsCpuTime() {
        assertTrue(CpuTimeSource.processCpuTimeAvailable());
    }
}
