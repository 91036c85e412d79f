package org.tinytitans.engine.job;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.tinytitans.engine.metrics.MemoryReading;

/** The job's measured memory beside the analytic figure: peak resident set, JVM heap peak, GPU memory. */
final class MeasuredMemory {

    private MeasuredMemory() {}

    static JsonObject json(MemoryReading m) {
        JsonObject o = new JsonObject();
        o.addProperty("peak_rss_mb", m.peakRssBytes() == null ? null : m.peakRssBytes() / 1e6);
        o.addProperty("heap_peak_mb", m.heapPeakBytes() / 1e6);
        JsonArray gpus = new JsonArray();
        for (var g : m.gpus()) {
            JsonObject gj = new JsonObject();
            gj.addProperty("index", g.index());
            gj.addProperty("peak_used_mib", g.peakUsedMiB());
            gj.addProperty("total_mib", g.totalMiB());
            gpus.add(gj);
        }
        o.add("gpus", gpus);
        o.addProperty("method", "measured: /proc/self/status VmHWM, JVM memory pools, nvidia-smi");
        return o;
    }
}
