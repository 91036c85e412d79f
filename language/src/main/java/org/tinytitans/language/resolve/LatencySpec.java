package org.tinytitans.language.resolve;

import org.tinytitans.language.ast.Range;

/**
 * Latency timing settings; range is null when the experiment has no latency block.
 *
 * @param runtime what runs the timed passes: "engine" or "onnxruntime"
 */
public record LatencySpec(int batch, int runs, int warmup, int threads, String runtime, Range range) {}
