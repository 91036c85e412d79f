package org.tinytitans.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tinytitans.engine.figures.Figures;

/**
 * The `ratio auto` part of a run's summary: the sensitivity table, each trial of the search (stage, FLOPs, params,
 * objective, whether it met the budget, the Pareto front) and the chosen per-layer plan, written as the `layer` lines
 * that reproduce it. Read from the result document's `sensitivity` and `search` objects (docs/search.md).
 */
final class SearchTrace {

    private SearchTrace() {}

    static void print(JsonObject result, PrintWriter out) {
        for (JsonElement e : result.getAsJsonArray("experiments")) {
            JsonObject x = e.getAsJsonObject();
            if (!x.has("sensitivity") && !x.has("search")) continue;
            String id = x.has("id") ? x.get("id").getAsString() : x.get("name").getAsString();
            if (x.has("sensitivity")) sensitivity(id, x.getAsJsonObject("sensitivity"), out);
            if (x.has("search")) search(id, x.getAsJsonObject("search"), out);
        }
    }

    private static void sensitivity(String id, JsonObject s, PrintWriter out) {
        String metric = s.get("metric").getAsString();
        out.println();
        out.printf(Locale.ROOT, "%s  sensitivity: %s pruned alone by %s, %s without fine-tuning on %d samples (baseline %s)%n",
                id, s.get("granularity").getAsString(), s.get("criterion").getAsString(), metric, s.get("samples").getAsInt(),
                value(metric, s.get("baseline").getAsDouble()));
        for (JsonElement le : s.getAsJsonArray("layers")) {
            JsonObject l = le.getAsJsonObject();
            StringBuilder sb = new StringBuilder();
            var ratios = l.getAsJsonArray("ratios");
            var values = l.getAsJsonArray("values");
            for (int i = 0; i < ratios.size(); i++) {
                sb.append(String.format(Locale.ROOT, "  %s: %s", Figures.percent(ratios.get(i).getAsDouble()), value(metric, values.get(i).getAsDouble())));
            }
            out.printf(Locale.ROOT, "  %-20s%s%n", l.get("layer").getAsString(), sb);
        }
    }

    private static void search(String id, JsonObject s, PrintWriter out) {
        String metric = s.get("objective").getAsString();
        List<String> budget = new ArrayList<>();
        for (JsonElement c : s.getAsJsonArray("constraints")) {
            JsonObject o = c.getAsJsonObject();
            double v = o.get("value").getAsDouble();
            budget.add(o.get("metric").getAsString() + " " + o.get("op").getAsString() + " "
                    + (o.get("relative").getAsBoolean() ? Figures.percent(v) : Figures.count(v)));
        }
        out.println();
        out.printf(Locale.ROOT, "%s  search: %s allocation, objective %s, budget %s%n", id, s.get("allocation").getAsString(), metric,
                budget.isEmpty() ? "none" : String.join(", ", budget));
        out.printf(Locale.ROOT, "  %-4s %-10s %12s %10s %10s %-8s %s%n", "#", "stage", "flops", "params", metric, "budget", "plan");
        int chosen = s.get("chosen") == null || s.get("chosen").isJsonNull() ? -1 : s.get("chosen").getAsInt();
        JsonObject winner = null;
        for (JsonElement te : s.getAsJsonArray("trials")) {
            JsonObject t = te.getAsJsonObject();
            int tid = t.get("id").getAsInt();
            if (tid == chosen) winner = t;
            String mark = (tid == chosen ? "*" : "") + (t.get("pareto").getAsBoolean() ? "p" : "");
            out.printf(Locale.ROOT, "  %-4s %-10s %12s %10s %10s %-8s %s%n", tid + mark, t.get("stage").getAsString(),
                    Figures.count(t.get("flops").getAsDouble()), Figures.count(t.get("params").getAsDouble()),
                    value(metric, t.get("objective").getAsDouble()), t.get("feasible").getAsBoolean() ? "met" : "missed", plan(t));
        }
        out.println("  (* chosen, p on the Pareto front of flops and " + metric + " within its stage)");
        if (winner != null) {
            out.println("  chosen plan, as the lines that reproduce it:");
            for (JsonElement be : winner.getAsJsonArray("plan")) {
                JsonObject b = be.getAsJsonObject();
                out.printf(Locale.ROOT, "    prune block %d (%s):%n", b.get("block").getAsInt(), b.get("granularity").getAsString());
                if (b.get("count") != null && !b.get("count").isJsonNull()) {
                    out.printf(Locale.ROOT, "      count %d%n", b.get("count").getAsInt());
                }
                for (Map.Entry<String, JsonElement> r : b.getAsJsonObject("ratios").entrySet()) {
                    out.printf(Locale.ROOT, "      layer \"%s\" ratio %s%n", r.getKey(), percent(r.getValue().getAsDouble()));
                }
            }
        }
    }

    /** "conv1 19.54%, conv2 64.07%" or "count 2". */
    private static String plan(JsonObject t) {
        List<String> parts = new ArrayList<>();
        for (JsonElement be : t.getAsJsonArray("plan")) {
            JsonObject b = be.getAsJsonObject();
            if (b.get("count") != null && !b.get("count").isJsonNull()) parts.add("count " + b.get("count").getAsInt());
            b.getAsJsonObject("ratios").entrySet().forEach(r -> parts.add(r.getKey() + " " + percent(r.getValue().getAsDouble())));
        }
        return String.join(", ", parts);
    }

    /** A ratio as written in a spec: up to two decimals of a percent, which is what a plan holds (engine/search). */
    static String percent(double ratio) {
        String s = String.format(Locale.ROOT, "%.2f", ratio * 100).replaceAll("\\.?0+$", "");
        return s + "%";
    }

    private static String value(String metric, double v) {
        if (Double.isNaN(v)) return "-";
        return metric.equals("accuracy") ? Figures.metric(v, "fraction") : Figures.num(v);
    }
}
