package org.tinytitans.engine.latency;

import java.util.List;

/** Per-model statistics of one interleaved measurement, with the settings that were in force. */
public record LatencyReport(LatencyConfig config, List<LatencyStats> models, ThreadSettings threads) {

    public LatencyStats of(String model) {
        return models.stream().filter(s -> s.model().equals(model)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + model + " in this report"));
    }
}
