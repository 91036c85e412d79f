package org.tinytitans.engine.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One plan the search evaluated: as the result JSON's `search.trials[]` entry and the `search-trial` event's `trial`.
 *
 * @param stage     "bisection", "allocation", "finalist" or "winner"
 * @param latencyMs measured (or predicted from a latency table) median, null when neither was done
 * @param objective accuracy or perplexity on the search's samples (finalists: after their short fine-tune)
 */
public record Trial(int id, String stage, List<BlockPlan> plan, double flops, double params, double memoryBytes, Double latencyMs,
                    double objective, boolean feasible, boolean pareto) {

    public Trial withPareto(boolean p) {
        return new Trial(id, stage, plan, flops, params, memoryBytes, latencyMs, objective, feasible, p);
    }

    /** The plan alone, as a key: a stored trial of the same plan and stage is the same trial (resume). */
    public static String key(String stage, List<BlockPlan> plan) {
        JsonArray a = new JsonArray();
        plan.forEach(b -> a.add(b.json()));
        return stage + " " + a;
    }

    public JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("stage", stage);
        JsonArray p = new JsonArray();
        plan.forEach(b -> p.add(b.json()));
        o.add("plan", p);
        o.addProperty("flops", flops);
        o.addProperty("params", params);
        o.addProperty("memory_bytes", memoryBytes);
        if (latencyMs == null) o.add("latency_ms", JsonNull.INSTANCE);
        else o.addProperty("latency_ms", latencyMs);
        o.addProperty("objective", objective);
        o.addProperty("feasible", feasible);
        o.addProperty("pareto", pareto);
        return o;
    }

    public static Trial fromJson(JsonObject o) {
        List<BlockPlan> plan = new ArrayList<>();
        o.getAsJsonArray("plan").forEach(e -> plan.add(BlockPlan.fromJson(e.getAsJsonObject())));
        Double latency = o.get("latency_ms") == null || o.get("latency_ms").isJsonNull() ? null : o.get("latency_ms").getAsDouble();
        return new Trial(o.get("id").getAsInt(), o.get("stage").getAsString(), plan, o.get("flops").getAsDouble(),
                o.get("params").getAsDouble(), o.get("memory_bytes").getAsDouble(), latency, o.get("objective").getAsDouble(),
                o.get("feasible").getAsBoolean(), o.get("pareto").getAsBoolean());
    }

    /** Marks the trials on the Pareto front of (flops, objective): none other has no more flops and a better objective. */
    public static List<Trial> markPareto(List<Trial> trials, boolean higherIsBetter) {
        List<Trial> out = new ArrayList<>();
        for (Trial t : trials) {
            boolean dominated = trials.stream().anyMatch(o -> o != t && o.flops <= t.flops
                    && (higherIsBetter ? o.objective > t.objective : o.objective < t.objective));
            out.add(t.withPareto(!dominated));
        }
        return out;
    }
}
