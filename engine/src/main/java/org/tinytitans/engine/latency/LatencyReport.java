package org.tinytitans.engine.latency;

import java.util.List;

/**
 * Per-model statistics of one interleaved measurement, with the settings that were in force.
 *
 * @param threads the engine's (PyTorch's) thread settings
 * @param runtime what ran the timed passes: "engine" or "onnxruntime"
 * @param load    the machine's load average around the timed rounds
 */
public record LatencyReport(LatencyConfig config, List<LatencyStats> models, ThreadSettings threads, String runtime,
                            LoadAverage load) {

    public LatencyStats of(String model) {
        return models.stream().filter(s -> s.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + model + " in this report"));
    }
}
