package org.tinytitans.language.resolve;

import org.tinytitans.language.ast.Range;

/**
 * Where to run. kind: cpu | gpu | ssh | slurm. argument: the host (ssh), partition (slurm), or null.
 * gpu: device index (gpu N, or ssh's `gpu`). memBytes: slurm `mem`. torch: a libtorch folder to run on (any
 * target; on ssh and slurm a path on that host), null for the engine's own choice (docs/gpu.md). range null
 * for the default cpu.
 */
public record TargetSpec(String kind, String argument, Integer gpu, String workdir, String java, String titans,
                         Integer gpus, Integer cpus, Long memBytes, String time, String account, Range range, String torch) {

    public TargetSpec(String kind, String argument, Integer gpu, String workdir, String java, String titans,
                      Integer gpus, Integer cpus, Long memBytes, String time, String account, Range range) {
        this(kind, argument, gpu, workdir, java, titans, gpus, cpus, memBytes, time, account, range, null);
    }
}
