package org.tinytitans.engine.latency;

import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.runtime.TorchRuntime;

/**
 * Threads and allocator settings in force for a measurement. PyTorch's intra-op and inter-op pools are sized
 * once, when DJL loads the engine, from -Dai.djl.pytorch.num_threads and -Dai.djl.pytorch.num_interop_threads;
 * inter-op threads cannot change afterwards. So a measurement with given threads runs in its own job process
 * started with {@link #jvmArgs} and {@link #environment}; inside a process we only record what is in force.
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

    /** JVM options for a job process that should run PyTorch with these pool sizes (0 = leave the default). */
    public static List<String> jvmArgs(int intraOp, int interOp) {
        List<String> args = new ArrayList<>();
        if (intraOp > 0) {
            args.add("-Dai.djl.pytorch.num_threads=" + intraOp);
        }
        if (interOp > 0) {
            args.add("-Dai.djl.pytorch.num_interop_threads=" + interOp);
        }
        return args;
    }

    /**
     * Environment for a measuring job process: OpenMP threads pinned and spinning (steadier batch-1 timings on
     * shared VMs) and glibc malloc thresholds raised so big activations are not mmap'd and page-faulted afresh
     * on every pass. Results should report these settings.
     */
    public static Map<String, String> environment(int intraOp) {
        Map<String, String> env = new LinkedHashMap<>();
        if (intraOp > 0) {
            env.put("OMP_NUM_THREADS", Integer.toString(intraOp));
        }
        env.put("OMP_PROC_BIND", "true");
        env.put("OMP_WAIT_POLICY", "active");
        env.put("MALLOC_MMAP_THRESHOLD_", "33554432");
        env.put("MALLOC_TRIM_THRESHOLD_", "1073741824");
        return env;
    }
}
