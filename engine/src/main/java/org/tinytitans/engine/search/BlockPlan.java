package org.tinytitans.engine.search;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * What a search chose for one `ratio auto` block: per-layer removed fractions, or for `prune layers` a count.
 *
 * @param block the prune block's index in the experiment (0-based, source order)
 */
public record BlockPlan(int block, Granularity granularity, Map<String, Double> ratios, Integer count) {
    public BlockPlan {
        ratios = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ratios));
    }

    /** The concrete prune block: the auto block with these per-layer ratios (block ratio 0%) or this count. */
    public PruneSpec apply(PruneSpec auto) {
        if (count != null) return auto.withPlan(null, count, Map.of());
        boolean oneSize = granularity == Granularity.NEURONS || granularity == Granularity.HEADS;
        if (oneSize) {
            // a language model keeps one size in every layer: its plan is one ratio, written as `ratio R`
            double r = ratios.values().stream().findFirst().orElse(0.0);
            return auto.withPlan(r, null, Map.of());
        }
        return auto.withPlan(0.0, null, ratios);
    }

    /** As the result JSON's `plan[]` entry (docs/search.md). */
    public JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("block", block);
        o.addProperty("granularity", granularity.keyword());
        JsonObject r = new JsonObject();
        ratios.forEach(r::addProperty);
        o.add("ratios", r);
        if (count == null) o.add("count", JsonNull.INSTANCE);
        else o.addProperty("count", count);
        return o;
    }

    /** A plan read back from a stored trial. */
    public static BlockPlan fromJson(JsonObject o) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        o.getAsJsonObject("ratios").entrySet().forEach(e -> ratios.put(e.getKey(), e.getValue().getAsDouble()));
        Integer count = o.get("count") == null || o.get("count").isJsonNull() ? null : o.get("count").getAsInt();
        return new BlockPlan(o.get("block").getAsInt(), Granularity.of(o.get("granularity").getAsString()).orElseThrow(), ratios, count);
    }
}
