package org.tinytitans.engine.metrics;

/** Watts per hardware thread at full load, and where that figure came from. */
public record CpuTdp(double wattsPerThread, String source) {

    /** CodeCarbon's default for a CPU it does not know. */
    public static final CpuTdp DEFAULT = new CpuTdp(4.0, "default 4 W/thread (CodeCarbon's DEFAULT_POWER_PER_CORE)");

    public CpuTdp {
        if (!(wattsPerThread > 0)) {
            throw new IllegalArgumentException("watts per thread must be positive, got " + wattsPerThread);
        }
    }

    public static CpuTdp userGiven(double wattsPerThread) {
        return new CpuTdp(wattsPerThread, "user-given");
    }
}
