package org.tinytitans.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaplSourceTest {

    static final long MAX = 262_143_328_850L;

    @TempDir
    Path tmp;

    List<String> notes = new ArrayList<>();

    RaplSource open(RaplSource.Kind kind, SysfsReader reader, Path... roots) {
        return RaplSource.open(List.of(roots), reader, kind, notes::add).orElseThrow();
    }

    @Test
    void sumsPackagesAndSkipsCoreUncoreAndPsys() {
        FakeRapl rapl = new FakeRapl(tmp)
                .zone("intel-rapl:0", "package-0", 1_000_000, MAX)
                .zone("intel-rapl:0/intel-rapl:0:0", "core", 5_000_000, MAX)
                .zone("intel-rapl:0/intel-rapl:0:1", "uncore", 7_000_000, MAX)
                .zone("intel-rapl:1", "package-1", 2_000_000, MAX)
                .zone("intel-rapl:2", "psys", 9_000_000, MAX);
        RaplSource cpu = open(RaplSource.Kind.PACKAGE, SysfsReader.FILES, tmp);
        assertEquals(List.of("package-0", "package-1"), cpu.domainNames());

        rapl.energy("intel-rapl:0", 4_000_000).energy("intel-rapl:1", 3_500_000)
                .energy("intel-rapl:0/intel-rapl:0:0", 99_000_000).energy("intel-rapl:2", 99_000_000);
        cpu.poll(0);
        assertEquals(4.5, cpu.joules(), 1e-12); // 3 J + 1.5 J; core and psys not counted

        EnergyReading r = cpu.reading(4.5, Duration.ofSeconds(1));
        assertEquals("measured:rapl", r.method());
        assertEquals(4.05, r.lowJ(), 1e-9);
        assertEquals(4.95, r.highJ(), 1e-9);
        assertTrue(r.scope().startsWith("machine: package-0 + package-1"), r.scope());
    }

    @Test
    void counterWrapAroundIsAddedNotLost() {
        FakeRapl rapl = new FakeRapl(tmp).zone("intel-rapl:0", "package-0", 900_000, 1_000_000);
        RaplSource cpu = open(RaplSource.Kind.PACKAGE, SysfsReader.FILES, tmp);
        rapl.energy("intel-rapl:0", 100_000); // wrapped past 1_000_000
        cpu.poll(0);
        assertEquals(0.2, cpu.joules(), 1e-12);
        rapl.energy("intel-rapl:0", 400_000);
        cpu.poll(1);
        assertEquals(0.5, cpu.joules(), 1e-12);
    }

    @Test
    void deltaWithoutKnownRangeTreatsDecreaseAsReset() {
        assertEquals(300, RaplSource.deltaUj(1_000, 300, 0));
        assertEquals(600, RaplSource.deltaUj(900, 500, 1_000));
        assertEquals(50, RaplSource.deltaUj(100, 150, 1_000));
    }

    @Test
    void mmioCopyOfAPackageIsCountedOnce() {
        Path msr = tmp.resolve("class");
        Path virt = tmp.resolve("virtual");
        new FakeRapl(msr).zone("intel-rapl:0", "package-0", 0, MAX);
        FakeRapl mmio = new FakeRapl(virt).zone("intel-rapl-mmio/intel-rapl-mmio:0", "package-0", 10_000_000, MAX);
        RaplSource cpu = open(RaplSource.Kind.PACKAGE, SysfsReader.FILES, msr, virt);
        assertEquals(List.of("package-0"), cpu.domainNames());
        mmio.energy("intel-rapl-mmio/intel-rapl-mmio:0", 12_000_000);
        cpu.poll(0);
        assertEquals(2.0, cpu.joules(), 1e-12);
    }

    @Test
    void dramDomainFeedsTheRamLine() {
        FakeRapl rapl = new FakeRapl(tmp)
                .zone("intel-rapl:0", "package-0", 0, MAX)
                .zone("intel-rapl:0/intel-rapl:0:2", "dram", 1_000_000, MAX);
        RaplSource ram = open(RaplSource.Kind.DRAM, SysfsReader.FILES, tmp);
        assertEquals("ram", ram.component());
        rapl.energy("intel-rapl:0/intel-rapl:0:2", 3_000_000);
        ram.poll(0);
        assertEquals(2.0, ram.joules(), 1e-12);
        assertEquals("measured:rapl-dram", ram.reading(2.0, Duration.ofSeconds(1)).method());
    }

    @Test
    void permissionDeniedFallsThroughWithOneHint() {
        new FakeRapl(tmp).zone("intel-rapl:0", "package-0", 0, MAX).zone("intel-rapl:1", "package-1", 0, MAX);
        // tests may run as root, where chmod 000 does not deny reads: deny through the reader instead
        SysfsReader denying = file -> {
            if (file.getFileName().toString().equals("energy_uj")) {
                throw new AccessDeniedException(file.toString());
            }
            return SysfsReader.FILES.read(file);
        };
        assertTrue(RaplSource.open(List.of(tmp), denying, RaplSource.Kind.PACKAGE, notes::add).isEmpty());
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).contains("chmod a+r"), notes.get(0));
        assertTrue(notes.get(0).contains("permission denied"), notes.get(0));
    }

    @Test
    void missingTreeMeansNoSourceAndNoNoise() {
        assertTrue(RaplSource.open(List.of(tmp.resolve("absent")), SysfsReader.FILES, RaplSource.Kind.PACKAGE,
                notes::add).isEmpty());
        assertTrue(notes.isEmpty());
    }
}
