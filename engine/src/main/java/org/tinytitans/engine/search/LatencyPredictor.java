package org.tinytitans.engine.search;

import java.util.Map;

/**
 * Where a measured per-layer latency table plugs into a search (NetAdapt-style: each layer timed at each candidate
 * width on the target device): it predicts a plan's latency so latency budgets are kept like FLOPs budgets. Without
 * one, a search judges latency budgets by timing each finalist.
 */
public interface LatencyPredictor {
    /** Predicted median milliseconds of the model with these per-layer removed fractions. */
    double predictMs(Map<String, Double> ratios);

    /** The table as the result JSON's `search.latency_table`. */
    com.google.gson.JsonObject json();
}
