package org.tinytitans.engine.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One METRICS object of a result, flattened to numbers: {@code latency_ms} is its median (p50) and the other
 * latency figures read as {@code latency_ms.p90} and so on. Only what was measured is present.
 */
public record Metrics(Map<String, Double> values) {
    public static final Metrics NONE = new Metrics(Map.of());

    public Metrics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static Metrics from(JsonObject o) {
        if (o == null) return NONE;
        Map<String, Double> v = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            Double d = JsonFields.number(e.getValue());
            if (d != null) {
                v.put(e.getKey(), d);
            } else if (e.getValue().isJsonObject()) {
                JsonObject sub = e.getValue().getAsJsonObject();
                // a distribution: the median stands for the whole, the rest stay reachable by name
                Double median = JsonFields.num(sub, "p50");
                if (median == null) median = JsonFields.num(sub, "mean");
                if (median != null) v.put(e.getKey(), median);
                for (Map.Entry<String, JsonElement> s : sub.entrySet()) {
                    Double x = JsonFields.number(s.getValue());
                    if (x != null) v.put(e.getKey() + "." + s.getKey(), x);
                }
            }
        }
        return new Metrics(v);
    }

    /** The value, or null when it was not measured. */
    public Double get(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }
}
