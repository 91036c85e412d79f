package org.tinytitans.engine.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code report --format json}: a normalised summary (schema titans-report/2, snake_case as every result JSON) of a result, the same for
 * every result shape: metrics flattened, each with baseline, pruned, absolute and relative change, plus the
 * summary figures and Pareto flags the other formats show.
 */
public final class JsonSummary {
    public static final String SCHEMA = "titans-report/2";

    private JsonSummary() {}

    public static JsonObject summarise(RunResult run) {
        JsonObject root = new JsonObject();
        root.addProperty("schema", SCHEMA);
        root.addProperty("spec", run.spec());
        root.addProperty("status", run.status());
        root.addProperty("started_at", run.startedAt());
        root.addProperty("finished_at", run.finishedAt());
        root.addProperty("quality", TradeoffPlots.qualityKey(run));
        JsonObject env = new JsonObject();
        run.environment().forEach(env::addProperty);
        root.add("environment", env);
        JsonArray experiments = new JsonArray();
        JsonArray pareto = new JsonArray();
        for (Summary s : Summary.of(run)) {
            ExperimentResult e = s.experiment();
            JsonObject o = new JsonObject();
            o.addProperty("id", e.id());
            o.addProperty("name", e.name());
            JsonObject variant = new JsonObject();
            e.variant().forEach(variant::addProperty);
            o.add("variant", variant);
            o.addProperty("status", e.status());
            o.addProperty("error", e.error());
            o.addProperty("model", e.model());
            o.addProperty("dataset", e.dataset());
            o.addProperty("pareto", s.pareto());
            o.addProperty("quality_drop", s.qualityDrop());
            o.addProperty("flops_ratio", s.flopsRatio());
            o.addProperty("params_ratio", s.paramsRatio());
            JsonObject metrics = new JsonObject();
            Set<String> keys = new LinkedHashSet<>(e.baseline().keys());
            keys.addAll(e.pruned().keys());
            for (String k : MetricKind.rows(keys)) {
                Double b = e.baseline().get(k);
                Double p = e.pruned().get(k);
                JsonObject m = new JsonObject();
                m.addProperty("baseline", b);
                m.addProperty("pruned", p);
                if (b != null && p != null) {
                    m.addProperty("change", p - b);
                    m.addProperty("relative", b == 0 ? null : (p - b) / Math.abs(b));
                }
                metrics.add(k, m);
            }
            o.add("metrics", metrics);
            JsonObject expects = new JsonObject();
            expects.addProperty("passed", e.expectsPassed());
            expects.addProperty("failed", e.expectsFailed());
            expects.addProperty("total", e.expectations().size());
            o.add("expectations", expects);
            if (e.totalWh() != null) o.addProperty("energy_wh", e.totalWh());
            if (e.prunedCarbonG() != null) o.addProperty("carbon_g", e.prunedCarbonG());
            experiments.add(o);
            if (s.pareto()) pareto.add(e.id());
        }
        root.add("experiments", experiments);
        root.add("pareto", pareto);
        return root;
    }

    public static String render(RunResult run) {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(summarise(run)) + "\n";
    }
}
