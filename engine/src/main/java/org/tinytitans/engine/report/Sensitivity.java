package org.tinytitans.engine.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * An experiment's sensitivity scan (result.json {@code sensitivity}, issue 18's contract): each prunable layer
 * pruned alone at several ratios and evaluated without fine-tuning, against the unpruned {@code baseline}.
 */
public record Sensitivity(String granularity, String criterion, String metric, boolean higherIsBetter, Double baseline,
                          Integer samples, List<Curve> layers) {

    /** One layer's curve: the objective after removing each ratio of it alone. */
    public record Curve(String layer, double[] ratios, double[] values) {}

    /** The scan, or null when the run has none (or it holds no usable curve). */
    static Sensitivity from(JsonObject o) {
        if (o == null) return null;
        List<Curve> curves = new ArrayList<>();
        for (JsonObject l : JsonFields.objects(o, "layers")) {
            double[] r = numbers(l, "ratios");
            double[] v = numbers(l, "values");
            String name = JsonFields.str(l, "layer");
            if (name != null && r.length > 0 && r.length == v.length) curves.add(new Curve(name, r, v));
        }
        if (curves.isEmpty()) return null;
        Boolean higher = JsonFields.bool(o, "higher_is_better");
        Double samples = JsonFields.num(o, "samples");
        return new Sensitivity(JsonFields.str(o, "granularity"), JsonFields.str(o, "criterion"), JsonFields.str(o, "metric"),
                higher == null || higher, JsonFields.num(o, "baseline"), samples == null ? null : samples.intValue(), List.copyOf(curves));
    }

    static double[] numbers(JsonObject o, String key) {
        if (o == null || !o.has(key) || !o.get(key).isJsonArray()) return new double[0];
        JsonArray a = o.getAsJsonArray(key);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            Double d = JsonFields.number(a.get(i));
            out[i] = d == null ? Double.NaN : d;
        }
        return out;
    }
}
