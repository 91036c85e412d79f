package org.tinytitans.engine.job;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tinytitans.engine.latency.ThreadSettings;

/** The machine and settings a run measured under, so results from different machines are never confused. */
final class Environment {

    private Environment() {}

    static JsonObject describe(String device, JsonObject runtime) {
        JsonObject o = new JsonObject();
        o.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        o.addProperty("cpu", cpuModel());
        o.addProperty("cores", Runtime.getRuntime().availableProcessors());
        o.addProperty("memory_gb", Math.round(totalMemoryGb() * 10) / 10.0);
        o.addProperty("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        o.addProperty("djl", "0.36.0");
        JsonObject lib = runtime.getAsJsonObject("libtorch");
        JsonObject loaded = runtime.getAsJsonObject("loaded");
        o.addProperty("pytorch", loaded != null && loaded.get("ok").getAsBoolean() ? loaded.get("version").getAsString()
                : lib != null && lib.has("version") && !lib.get("version").isJsonNull() ? lib.get("version").getAsString() : null);
        o.addProperty("libtorch", runtime.get("summary").getAsString());
        o.addProperty("device", device);
        String version = Environment.class.getPackage().getImplementationVersion();
        o.addProperty("titans", version == null ? "development build" : version);
        ThreadSettings t = ThreadSettings.current();
        JsonObject threads = new JsonObject();
        threads.addProperty("intra_op", t.intraOpThreads());
        threads.addProperty("inter_op", t.interOpThreads());
        o.add("threads", threads);
        JsonObject malloc = new JsonObject();
        for (String k : List.of("MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS", "OMP_PROC_BIND", "OMP_WAIT_POLICY")) {
            String v = System.getenv(k);
            if (v != null) {
                malloc.addProperty(k, v);
            }
        }
        o.add("settings", malloc);
        return o;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    private static double totalMemoryGb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return 0;
    }
}
