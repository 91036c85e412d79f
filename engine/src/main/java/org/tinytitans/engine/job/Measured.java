package org.tinytitans.engine.job;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of one side (baseline or pruned): {@code values} in the catalog's base units for judging
 * {@code expect} lines, {@code json} in the units results.md names for the result file.
 */
final class Measured {
    final String which;
    final Map<String, Double> values = new LinkedHashMap<>();
    final JsonObject json = new JsonObject();

    Measured(String which) {
        this.which = which;
    }

    void put(String metric, double value) {
        values.put(metric, value);
    }
}
