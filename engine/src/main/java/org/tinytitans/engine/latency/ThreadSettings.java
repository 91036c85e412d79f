package org.tinytitans.engine.latency;

import ai.djl.pytorch.jni.JniUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.runtime.TorchRuntime;

/**
 * Threads and allocator settings in force for a measurement. PyTorch's intra-op and inter-op pools are sized
 * once, when DJL loads the engine, from -Dai.djl.pytorch.num_threads and -Dai.djl.pytorch.num_interop_threads;
 * inter-op threads cannot change afterwards (intra-op ones can: `latency { threads N }`). Inside a process we
 * record what is in force. OMP_PROC_BIND=true is not advised: libgomp pins the thread that starts OpenMP, the
 * JVM's, to one CPU, and every thread the JVM starts later inherits that (Java then sees one processor).
 *
 * @param intraOpThreads PyTorch's at::get_num_threads() now
 * @param interOpThreads PyTorch's at::get_num_interop_threads() now
 * @param settings       the JVM properties and environment variables that influence timing, as found
 */
public record ThreadSettings(int intraOpThreads, int interOpThreads, Map<String, String> settings) {
    static final List<String> PROPERTIES = List.of("ai.djl.pytorch.num_threads", "ai.djl.pytorch.num_interop_threads");
    static final List<String> ENVIRONMENT = List.of("OMP_NUM_THREADS", "OMP_PROC_BIND", "OMP_WAIT_POLICY",
            "MKL_NUM_THREADS", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_");

    /** What this process runs with (loads the PyTorch engine if it is not loaded yet). */
    public static ThreadSettings current() {
        TorchRuntime.engine();
        Map<String, String> found = new LinkedHashMap<>();
        for (String p : PROPERTIES) {
            String v = System.getProperty(p);
            if (v != null) {
                found.put("-D" + p, v);
            }
        }
        for (String e : ENVIRONMENT) {
            String v = System.getenv(e);
            if (v != null) {
                found.put(e, v);
            }
        }
        return new ThreadSettings(JniUtils.getNumThreads(), JniUtils.getNumInteropThreads(), found);
    }
}
