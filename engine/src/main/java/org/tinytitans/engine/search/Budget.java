package org.tinytitans.engine.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.resolve.ExpectSpec;

/**
 * The experiment's `expect` lines a search must meet. Those on flops, params and memory are judged from exact estimates
 * of a plan, before anything runs, by the same judge the run's verdicts use (the job's ExpectJudge, handed in so this
 * package does not depend on the job's); those on latency, energy and carbon are measured.
 */
public record Budget(List<ExpectSpec> counted, List<ExpectSpec> measured, Judge judge) {

    /** Whether an expect holds for these figures (base units), as the run's verdict would say. */
    @FunctionalInterface
    public interface Judge {
        boolean passed(ExpectSpec e, Map<String, Double> baseline, Map<String, Double> pruned);
    }
    /** Metrics a plan's graph gives exactly. */
    public static final Set<String> COUNTED = Set.of("flops", "params", "memory");
    /** Metrics only a measurement gives. */
    public static final Set<String> MEASURED = Set.of("latency", "energy", "carbon", "speedup", "throughput");

    public static Budget of(List<ExpectSpec> expects, Judge judge) {
        return new Budget(expects.stream().filter(e -> COUNTED.contains(e.metric())).toList(),
                expects.stream().filter(e -> MEASURED.contains(e.metric())).toList(), judge);
    }

    public boolean isEmpty() {
        return counted.isEmpty() && measured.isEmpty();
    }

    /** The figures an expect line reads, in the catalog's base units (bytes for memory). */
    public static Map<String, Double> figures(Counts c) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("flops", (double) c.macs());
        m.put("params", (double) c.params());
        m.put("memory", c.memoryGb() * 1024 * 1024 * 1024);
        return m;
    }

    /** Whether a plan with these counts meets every counted expect. */
    public boolean fits(Counts baseline, Counts plan) {
        return counted.stream().allMatch(e -> judge.passed(e, figures(baseline), figures(plan)));
    }

    /** The counted expects this plan misses. */
    public List<ExpectSpec> misses(Counts baseline, Counts plan) {
        return counted.stream().filter(e -> !judge.passed(e, figures(baseline), figures(plan))).toList();
    }

    /** The contract's "constraints": every budget line, values in base units (0.5 for 50% of the baseline). */
    public JsonArray json() {
        JsonArray out = new JsonArray();
        for (List<ExpectSpec> list : List.of(counted, measured)) {
            for (ExpectSpec e : list) {
                JsonObject o = new JsonObject();
                o.addProperty("metric", e.metric());
                o.addProperty("op", e.op());
                o.addProperty("value", e.value().base());
                boolean relative = e.value().isPercent() && Catalog.get().metric(e.metric()).map(m -> m.relative()).orElse(false);
                o.addProperty("relative", relative || e.drop());
                if (e.drop()) o.addProperty("drop", true);
                o.addProperty("line", e.range().start().line() + 1);
                out.add(o);
            }
        }
        return out;
    }
}
