package org.tinytitans.engine.runtime;

import java.nio.file.Path;

/**
 * What a job asks of libtorch: a folder the spec names ({@code target ... { torch "/path" }}, null when none;
 * {@code torchOrigin} says where, e.g. "spec.prune:12"), whether it needs a CUDA device, and whether it may go
 * online (DJL's download of a CUDA build).
 */
public record RuntimeRequest(Path torch, String torchOrigin, boolean wantGpu, boolean offline) {

    /** Offline when asked: `titans-cli --offline`, -Dai.djl.offline=true or DJL_OFFLINE=true (DJL's own switches). */
    public static boolean offlineByDefault() {
        return "true".equalsIgnoreCase(System.getProperty("ai.djl.offline")) || "true".equalsIgnoreCase(System.getenv("DJL_OFFLINE"));
    }

    public static RuntimeRequest cpu() {
        return new RuntimeRequest(null, null, false, offlineByDefault());
    }
}
