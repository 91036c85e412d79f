package org.tinytitans.engine.metrics;

import java.util.List;

/**
 * Measured memory of the job process. {@code peakRssBytes} is the kernel's high-water mark of resident memory
 * (VmHWM: JVM heap plus native PyTorch buffers), null where /proc is absent. {@code heapPeakBytes} sums the
 * peaks of the JVM heap pools, an upper bound since pools peak at different moments. GPU figures are per
 * device, from nvidia-smi samples.
 */
public record MemoryReading(Long peakRssBytes, long heapPeakBytes, List<GpuMemory> gpus) {

    /** Peak memory used on one GPU (whole device) and by this process on it (null when not reported), MiB. */
    public record GpuMemory(int index, long peakUsedMiB, long totalMiB, Long peakProcessMiB) {
    }
}
