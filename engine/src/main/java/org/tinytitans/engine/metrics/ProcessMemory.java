package org.tinytitans.engine.metrics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measured process memory: peak RSS from /proc/self/status (VmHWM), JVM heap peak from the memory pool beans,
 * and GPU memory from nvidia-smi where GPUs are in use. {@link #resetPeaks()} starts a new phase's peak.
 */
public final class ProcessMemory {

    private final Path procStatus;
    private final SysfsReader reader;
    private final NvidiaSmi smi; // null: no GPU in use
    private final Map<Integer, long[]> gpuPeaks = new LinkedHashMap<>(); // index -> {used, total, process(-1)}

    public ProcessMemory(Path procStatus, SysfsReader reader, NvidiaSmi smi) {
        this.procStatus = procStatus;
        this.reader = reader;
        this.smi = smi;
    }

    /** This JVM, with GPU sampling when gpuIds is not empty. */
    public static ProcessMemory current(CommandRunner runner, List<Integer> gpuIds) {
        return new ProcessMemory(Path.of("/proc/self/status"), SysfsReader.FILES,
                gpuIds.isEmpty() ? null : new NvidiaSmi(runner, gpuIds));
    }

    /** A "Key:   123 kB" line of a /proc status file in kB, or -1. */
    static long statusKb(Path status, SysfsReader reader, String key) {
        try {
            for (String line : reader.read(status).split("\n")) {
                if (line.startsWith(key + ":")) {
                    String v = line.substring(key.length() + 1).trim();
                    return Long.parseLong(v.split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no procfs here
        }
        return -1;
    }

    /**
     * Starts a new peak: heap pool peaks are reset, and the kernel's VmHWM too where /proc/self/clear_refs
     * accepts "5" (Linux 4.0+); elsewhere peak RSS stays the process-lifetime peak.
     */
    public synchronized void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        if (procStatus.equals(Path.of("/proc/self/status"))) {
            try {
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            } catch (IOException | SecurityException e) {
                // not allowed here: peak RSS covers the whole process lifetime
            }
        }
        gpuPeaks.clear();
    }

    /** Samples GPU memory (the meter's poll calls this); process memory needs no sampling. */
    public synchronized void sample() {
        if (smi == null) {
            return;
        }
        try {
            Optional<NvidiaSmi.Table> t = smi.query("index,memory.used,memory.total", false);
            if (t.isEmpty()) {
                return;
            }
            Map<Integer, Long> mine = processMiBByIndex();
            for (NvidiaSmi.Row row : t.get().rows()) {
                Optional<Double> idx = row.number(0);
                Optional<Double> used = row.number(1);
                if (idx.isEmpty() || used.isEmpty()) {
                    continue;
                }
                int i = idx.get().intValue();
                long[] p = gpuPeaks.computeIfAbsent(i, k -> new long[] {0, 0, -1});
                p[0] = Math.max(p[0], used.get().longValue());
                p[1] = row.number(2).map(Double::longValue).orElse(p[1]);
                Long m = mine.get(i);
                if (m != null) {
                    p[2] = Math.max(p[2], m);
                }
            }
        } catch (IOException e) {
            // nvidia-smi gone: keep the peaks seen so far
        }
    }

    /** MiB used by this process per GPU index, from --query-compute-apps (pid, gpu index via bus id order). */
    private Map<Integer, Long> processMiBByIndex() {
        Map<Integer, Long> out = new LinkedHashMap<>();
        long pid = ProcessHandle.current().pid();
        // compute-apps rows carry no index; with one selected GPU the attribution is unambiguous
        if (smi.gpuIds().size() != 1) {
            return out;
        }
        for (NvidiaSmi.Row r : smi.computeApps("pid,used_memory")) {
            if (r.number(0).map(v -> v.longValue() == pid).orElse(false)) {
                out.merge(smi.gpuIds().get(0), r.number(1).map(Double::longValue).orElse(0L), Long::sum);
            }
        }
        return out;
    }

    public synchronized MemoryReading read() {
        long hwmKb = statusKb(procStatus, reader, "VmHWM");
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        List<MemoryReading.GpuMemory> gpus = new ArrayList<>();
        gpuPeaks.forEach((i, p) -> gpus.add(new MemoryReading.GpuMemory(i, p[0], p[1], p[2] < 0 ? null : p[2])));
        return new MemoryReading(hwmKb < 0 ? null : hwmKb * 1024, heap, gpus);
    }
}
