package org.tinytitans.engine.job;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.tinytitans.engine.metrics.MemoryReading;

/** The job's measured memory beside the analytic figure: peak resident set, JVM heap peak, GPU memory. */
final class MeasuredMemory {

    private MeasuredMemory() {}

    static JsonObject json(MemoryReading m) {
        JsonObject o = new JsonObject();
        o.addProperty("peakRssMb", m.peakRssBytes() == null ? null : m.peakRssBytes() / 1e6);
        o.addProperty("heapPeakMb", m.heapPeakBytes() / 1e6);
        JsonArray gpus = new JsonArray();
        for (var g : m.gpus()) {
            JsonObject gj = new JsonObject();
            gj.addProperty("index", g.index());
            gj.addProperty("peakUsedMiB", g.peakUsedMiB());
            gj.addProperty("totalMiB", g.totalMiB());
            gpus.add(gj);
        }
        o.add("gpus", gpus);
        o.addProperty("method", "measured: /proc/self/status VmHWM, JVM memory pools, nvidia-smi");
        return o;
    }
}
