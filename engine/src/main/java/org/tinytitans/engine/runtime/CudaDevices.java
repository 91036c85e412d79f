package org.tinytitans.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tinytitans.engine.metrics.CommandRunner;
import org.tinytitans.engine.metrics.NvidiaSmi;

/** The NVIDIA driver and GPUs as the driver sees them (nvidia-smi), independent of which libtorch is loaded. */
public final class CudaDevices {
    private CudaDevices() {}

    public record Gpu(int index, String name, Double memoryMiB, String driver) {}

    /** The driver version, from nvidia-smi or /proc/driver/nvidia/version; empty when there is no driver. */
    static Optional<String> driver(CommandRunner runner) {
        List<Gpu> gpus = list(runner);
        if (!gpus.isEmpty() && gpus.get(0).driver() != null) return Optional.of(gpus.get(0).driver());
        Path proc = Path.of("/proc/driver/nvidia/version");
        try {
            if (Files.isReadable(proc)) return Optional.of(Files.readAllLines(proc).get(0).trim());
        } catch (IOException | RuntimeException e) {
            // unreadable: as if absent
        }
        return Optional.empty();
    }

    public static List<Gpu> list(CommandRunner runner) {
        List<Gpu> out = new ArrayList<>();
        try {
            Optional<NvidiaSmi.Table> t = new NvidiaSmi(runner, List.of()).query("index,name,memory.total,driver_version", false);
            t.ifPresent(table -> table.rows().forEach(r -> out.add(new Gpu(r.number(0).map(Double::intValue).orElse(out.size()),
                    r.fields().size() > 1 ? r.fields().get(1) : "?", r.number(2).orElse(null),
                    r.fields().size() > 3 ? r.fields().get(3) : null))));
        } catch (IOException notInstalled) {
            // no nvidia-smi: no NVIDIA driver here
        }
        return out;
    }
}
