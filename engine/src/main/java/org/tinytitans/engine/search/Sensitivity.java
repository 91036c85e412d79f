package org.tinytitans.engine.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The sensitivity scan: each prunable layer (residual block, transformer layer) pruned alone at each ratio, evaluated
 * without fine-tuning. As the result JSON's `sensitivity` object (docs/search.md).
 *
 * @param metric         "accuracy" or "perplexity"
 * @param baseline       the unpruned model's value on the same samples
 */
public record Sensitivity(String granularity, String criterion, String metric, boolean higherIsBetter, double baseline,
                          int samples, List<Curve> layers) {

    /** One layer's points: {@code values[i]} at {@code ratios[i]}, removing {@code macsRemoved[i]} MACs. */
    public record Curve(String layer, List<Double> ratios, List<Double> values, List<Long> macsRemoved) {}

    /** Objective lost at a ratio against the unpruned model, interpolated linearly from (0, 0) through the scan's points,
     * kept non-decreasing (a noisy point does not make more pruning look better) and extended with the last slope. */
    public double loss(String layer, double ratio) {
        Curve c = layers.stream().filter(x -> x.layer().equals(layer)).findFirst().orElse(null);
        if (c == null || ratio <= 0) return 0;
        List<double[]> pts = new ArrayList<>();
        pts.add(new double[] {0, 0});
        double worst = 0;
        for (int i = 0; i < c.ratios().size(); i++) {
            double v = c.values().get(i);
            double lost = higherIsBetter ? baseline - v : v - baseline;
            if (Double.isNaN(lost) || Double.isInfinite(lost)) lost = Double.MAX_VALUE / 1e6;
            worst = Math.max(worst, Math.max(0, lost));
            pts.add(new double[] {c.ratios().get(i), worst});
        }
        for (int i = 1; i < pts.size(); i++) {
            double[] a = pts.get(i - 1), b = pts.get(i);
            if (ratio <= b[0] || i == pts.size() - 1) {
                double slope = b[0] == a[0] ? 0 : (b[1] - a[1]) / (b[0] - a[0]);
                return a[1] + slope * (ratio - a[0]);
            }
        }
        return worst;
    }

    public JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("granularity", granularity);
        o.addProperty("criterion", criterion);
        o.addProperty("metric", metric);
        o.addProperty("higher_is_better", higherIsBetter);
        o.addProperty("baseline", baseline);
        o.addProperty("samples", samples);
        JsonArray ls = new JsonArray();
        for (Curve c : layers) {
            JsonObject l = new JsonObject();
            l.addProperty("layer", c.layer());
            JsonArray r = new JsonArray(), v = new JsonArray(), m = new JsonArray();
            c.ratios().forEach(r::add);
            c.values().forEach(v::add);
            c.macsRemoved().forEach(m::add);
            l.add("ratios", r);
            l.add("values", v);
            l.add("macs_removed", m);
            ls.add(l);
        }
        o.add("layers", ls);
        return o;
    }

    public static Sensitivity fromJson(JsonObject o) {
        List<Curve> curves = new ArrayList<>();
        for (var e : o.getAsJsonArray("layers")) {
            JsonObject l = e.getAsJsonObject();
            List<Double> r = new ArrayList<>(), v = new ArrayList<>();
            List<Long> m = new ArrayList<>();
            l.getAsJsonArray("ratios").forEach(x -> r.add(x.getAsDouble()));
            l.getAsJsonArray("values").forEach(x -> v.add(x.getAsDouble()));
            l.getAsJsonArray("macs_removed").forEach(x -> m.add(x.getAsLong()));
            curves.add(new Curve(l.get("layer").getAsString(), r, v, m));
        }
        return new Sensitivity(o.get("granularity").getAsString(), o.get("criterion").getAsString(), o.get("metric").getAsString(),
                o.get("higher_is_better").getAsBoolean(), o.get("baseline").getAsDouble(), o.get("samples").getAsInt(), curves);
    }
}
