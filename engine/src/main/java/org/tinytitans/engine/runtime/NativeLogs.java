package org.tinytitans.engine.runtime;

import java.util.Map;

/**
 * libtorch prints deprecation warnings about its own internals (AutoNonVariableTypeMode, ...) on every run; they
 * mean nothing to a user and, read back from a job's stderr, would end up in failure messages. They stay quiet
 * unless the user asks for `--verbose` (system property titans.verbose, or TITANS_VERBOSE=1). Only Python's torch
 * turns TORCH_CPP_LOG_LEVEL into c10's log level, so a process that loaded libtorch through DJL sets c10's flag
 * itself ({@link #quiet}); the environment is still passed to job processes for libtorch builds that read it.
 */
public final class NativeLogs {
    public static final String TORCH_LOG = "TORCH_CPP_LOG_LEVEL";

    private NativeLogs() {}

    public static boolean verbose() {
        return Boolean.getBoolean("titans.verbose") || "1".equals(System.getenv("TITANS_VERBOSE"));
    }

    /** The environment a job process starts with: errors only from native code, unless verbose. */
    public static Map<String, String> jobEnvironment() {
        return verbose() ? Map.of() : Map.of(TORCH_LOG, "ERROR");
    }

    /** The same as a shell prefix for remote command lines: "TORCH_CPP_LOG_LEVEL=ERROR " or "". */
    public static String shellPrefix() {
        StringBuilder b = new StringBuilder();
        jobEnvironment().forEach((k, v) -> b.append(k).append('=').append(v).append(' '));
        return b.toString();
    }

    /**
     * Raises c10's minimum log level to ERROR in the libtorch this process loaded (libc10's exported
     * FLAGS_caffe2_log_level, which gates TORCH_WARN), unless verbose. False when the flag cannot be reached.
     */
    public static boolean quiet(java.nio.file.Path libtorchDir) {
        if (verbose() || libtorchDir == null) return false;
        String c10 = System.mapLibraryName("c10");
        try {
            com.sun.jna.NativeLibrary lib = com.sun.jna.NativeLibrary.getInstance(libtorchDir.resolve(c10).toString());
            lib.getGlobalVariableAddress("FLAGS_caffe2_log_level").setInt(0, 2); // 2 = ERROR in c10's levels
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false; // another build: its warnings show, nothing else changes
        }
    }
}
