package org.tinytitans.engine.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment's ratio search (result.json {@code search}, issue 18's contract): the constraints taken from its
 * {@code expect} lines, every evaluated trial with its plan, estimates and objective, and the chosen trial.
 */
public record SearchResult(String objective, boolean higherIsBetter, String allocation, List<Constraint> constraints,
                           List<Trial> trials, Integer chosen) {

    /** One budget: {@code metric op value}, relative to the baseline when {@code relative}; its spec line. */
    public record Constraint(String metric, String op, double value, boolean relative, Integer line) {}

    /** The ratios of one prune block (0-based, source order); {@code count} instead for {@code prune layers}. */
    public record BlockPlan(int block, String granularity, Map<String, Double> ratios, Integer count) {}

    public record Trial(int id, String stage, List<BlockPlan> plan, Double flops, Double params, Double memoryBytes,
                        Double latencyMs, Double objective, boolean feasible, boolean pareto) {

        /** The trial's value of a constraint metric (flops, params, memory, latency), or null. */
        public Double cost(String metric) {
            return switch (metric) {
                case "flops" -> flops;
                case "params" -> params;
                case "memory" -> memoryBytes;
                case "latency" -> latencyMs;
                default -> null;
            };
        }
    }

    static SearchResult from(JsonObject o) {
        if (o == null) return null;
        List<Constraint> constraints = new ArrayList<>();
        for (JsonObject c : JsonFields.objects(o, "constraints")) {
            Double v = JsonFields.num(c, "value");
            Double line = JsonFields.num(c, "line");
            if (JsonFields.str(c, "metric") != null && v != null) {
                constraints.add(new Constraint(JsonFields.str(c, "metric"), orElse(JsonFields.str(c, "op"), "<="), v,
                        Boolean.TRUE.equals(JsonFields.bool(c, "relative")), line == null ? null : line.intValue()));
            }
        }
        List<Trial> trials = new ArrayList<>();
        for (JsonObject t : JsonFields.objects(o, "trials")) {
            Double id = JsonFields.num(t, "id");
            if (id == null) continue;
            List<BlockPlan> plan = new ArrayList<>();
            for (JsonObject b : JsonFields.objects(t, "plan")) {
                Map<String, Double> ratios = new LinkedHashMap<>();
                JsonObject r = JsonFields.obj(b, "ratios");
                if (r != null) {
                    for (Map.Entry<String, JsonElement> e : r.entrySet()) {
                        Double d = JsonFields.number(e.getValue());
                        if (d != null) ratios.put(e.getKey(), d);
                    }
                }
                Double block = JsonFields.num(b, "block");
                Double count = JsonFields.num(b, "count");
                plan.add(new BlockPlan(block == null ? 0 : block.intValue(), JsonFields.str(b, "granularity"), ratios,
                        count == null ? null : count.intValue()));
            }
            trials.add(new Trial(id.intValue(), orElse(JsonFields.str(t, "stage"), "-"), List.copyOf(plan), JsonFields.num(t, "flops"),
                    JsonFields.num(t, "params"), JsonFields.num(t, "memory_bytes"), JsonFields.num(t, "latency_ms"),
                    JsonFields.num(t, "objective"), Boolean.TRUE.equals(JsonFields.bool(t, "feasible")),
                    Boolean.TRUE.equals(JsonFields.bool(t, "pareto"))));
        }
        Boolean higher = JsonFields.bool(o, "higher_is_better");
        Double chosen = JsonFields.num(o, "chosen");
        return new SearchResult(JsonFields.str(o, "objective"), higher == null || higher, JsonFields.str(o, "allocation"),
                List.copyOf(constraints), List.copyOf(trials), chosen == null ? null : chosen.intValue());
    }

    private static String orElse(String s, String fallback) {
        return s == null ? fallback : s;
    }

    /** The chosen trial, or null when none was chosen (no feasible plan) or its id is not among the trials. */
    public Trial chosenTrial() {
        if (chosen == null) return null;
        return trials.stream().filter(t -> t.id() == chosen).findFirst().orElse(null);
    }

    /**
     * The metric the Pareto plot puts on its x axis: the first constraint that trials carry a value for (energy and
     * carbon are judged on the winner only), else FLOPs.
     */
    public String constrainedMetric() {
        for (Constraint c : constraints) {
            if (trials.stream().anyMatch(t -> t.cost(c.metric()) != null)) return c.metric();
        }
        return "flops";
    }
}
