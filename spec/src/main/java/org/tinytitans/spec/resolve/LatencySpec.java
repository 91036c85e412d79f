package org.tinytitans.spec.resolve;

import org.tinytitans.spec.Range;

/** Latency timing settings; range is null when the experiment has no latency block. */
public record LatencySpec(int batch, int runs, int warmup, int threads, Range range) {}
