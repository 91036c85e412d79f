package org.tinytitans.engine.latency;

/**
 * @param inputShape NCHW (or any shape; its first dimension is the batch)
 * @param warmup     untimed interleaved rounds before timing (allocator, OpenMP pools, caches)
 * @param runs       timed rounds; every round times each model once
 * @param seed       for the N(0,1) input, the same for every model
 */
public record LatencyConfig(long[] inputShape, int warmup, int runs, long seed) {
    public LatencyConfig {
        if (inputShape == null || inputShape.length == 0) {
            throw new IllegalArgumentException("latency needs an input shape");
        }
        for (long d : inputShape) {
            if (d <= 0) {
                throw new IllegalArgumentException("input shape dimensions must be positive: " + java.util.Arrays.toString(inputShape));
            }
        }
        if (warmup < 0 || runs <= 0) {
            throw new IllegalArgumentException("need warmup >= 0 and runs > 0, got " + warmup + " and " + runs);
        }
        inputShape = inputShape.clone();
    }

    public int batch() {
        return (int) inputShape[0];
    }
}
