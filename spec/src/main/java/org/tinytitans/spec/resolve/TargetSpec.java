package org.tinytitans.spec.resolve;

import org.tinytitans.spec.Range;

/**
 * Where to run. kind: cpu | gpu | ssh | slurm. argument: the host (ssh), partition (slurm), or null.
 * gpu: device index (gpu N, or ssh's `gpu`). memBytes: slurm `mem`. range null for the default cpu.
 */
public record TargetSpec(String kind, String argument, Integer gpu, String workdir, String java, String titans,
                         Integer gpus, Integer cpus, Long memBytes, String time, String account, Range range) {}
