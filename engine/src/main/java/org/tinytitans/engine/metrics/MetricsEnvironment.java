package org.tinytitans.engine.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Where the metrics read the machine from. {@link #system()} is the real machine; tests swap in a fake sysfs
 * tree, a canned nvidia-smi, a fixed CPU clock and a manual poll.
 *
 * @param raplRoots     powercap roots to scan for RAPL zones
 * @param sysfs         reader for sysfs/procfs files
 * @param commands      runner for nvidia-smi
 * @param processCpuNanos this process's CPU time in ns (negative: unknown)
 * @param residentBytes this process's resident memory in bytes (negative: unknown)
 * @param cpuModelName  /proc/cpuinfo model name, or null
 * @param nanoClock     monotonic clock
 * @param backgroundPolling false to poll only at phase boundaries and on {@link EnergyMeter#poll()}
 */
public record MetricsEnvironment(List<Path> raplRoots, SysfsReader sysfs, CommandRunner commands,
                                 LongSupplier processCpuNanos, LongSupplier residentBytes, String cpuModelName,
                                 LongSupplier nanoClock, boolean backgroundPolling) {

    public static MetricsEnvironment system() {
        Path status = Path.of("/proc/self/status");
        return new MetricsEnvironment(RaplSource.DEFAULT_ROOTS, SysfsReader.FILES, CommandRunner.PROCESS,
                CpuTimeSource::processCpuNanos, () -> RamModelSource.residentBytes(status, SysfsReader.FILES),
                CpuTdpTable.modelName(Path.of("/proc/cpuinfo")), System::nanoTime, true);
    }
}
