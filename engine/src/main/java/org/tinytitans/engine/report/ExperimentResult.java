package org.tinytitans.engine.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One EXPERIMENT object of result.json (docs/results.md), read tolerantly: absent parts are null or empty. */
public record ExperimentResult(
        String name, String id, Map<String, String> variant, String status, String error,
        String model, String dataset, String target,
        Metrics baseline, Metrics pruned,
        List<LayerWidth> layers, List<EnergyPhase> phases,
        Double totalWh, Double carbonG, Double carbonLowG, Double carbonHighG,
        Map<String, Double> projection, String projectionMethod,
        List<ExpectResult> expectations, List<String> notes) {

    static ExperimentResult from(JsonObject o, int index) {
        String name = JsonFields.str(o, "name");
        String id = JsonFields.str(o, "id");
        if (id == null) id = name != null ? name : "experiment-" + (index + 1);
        if (name == null) name = id;
        Map<String, String> variant = new LinkedHashMap<>();
        JsonObject v = JsonFields.obj(o, "variant");
        if (v != null) {
            for (Map.Entry<String, JsonElement> e : v.entrySet()) {
                if (e.getValue().isJsonPrimitive()) variant.put(e.getKey(), e.getValue().getAsString());
            }
        }
        List<LayerWidth> layers = new ArrayList<>();
        for (JsonObject l : JsonFields.objects(o, "layers")) {
            Double before = JsonFields.num(l, "before");
            Double after = JsonFields.num(l, "after");
            if (before != null && after != null) {
                layers.add(new LayerWidth(orDash(JsonFields.str(l, "name")), orDash(JsonFields.str(l, "kind")),
                        before.intValue(), after.intValue()));
            }
        }
        JsonObject energy = JsonFields.obj(o, "energy");
        List<EnergyPhase> phases = new ArrayList<>();
        for (JsonObject p : JsonFields.objects(energy, "phases")) {
            Double wh = JsonFields.num(p, "wh");
            if (wh != null) {
                phases.add(new EnergyPhase(orDash(JsonFields.str(p, "phase")), JsonFields.num(p, "seconds"), wh,
                        JsonFields.num(p, "lowWh"), JsonFields.num(p, "highWh")));
            }
        }
        JsonObject carbon = JsonFields.obj(energy, "carbon");
        Map<String, Double> projection = new LinkedHashMap<>();
        JsonObject proj = JsonFields.obj(o, "projection");
        if (proj != null) {
            for (String k : proj.keySet()) {
                Double d = JsonFields.num(proj, k);
                if (d != null) projection.put(k, d);
            }
        }
        List<ExpectResult> expectations = new ArrayList<>();
        for (JsonObject e : JsonFields.objects(o, "expectations")) {
            Double line = JsonFields.num(e, "line");
            expectations.add(new ExpectResult(line == null ? null : line.intValue(), orDash(JsonFields.str(e, "text")),
                    JsonFields.bool(e, "passed"), JsonFields.str(e, "actual")));
        }
        String status = JsonFields.str(o, "status");
        return new ExperimentResult(name, id, variant, status == null ? "unknown" : status, JsonFields.str(o, "error"),
                JsonFields.str(o, "model"), JsonFields.str(o, "dataset"), JsonFields.str(o, "target"),
                Metrics.from(JsonFields.obj(o, "baseline")), Metrics.from(JsonFields.obj(o, "pruned")),
                List.copyOf(layers), List.copyOf(phases),
                JsonFields.num(energy, "totalWh"), JsonFields.num(carbon, "g"),
                JsonFields.num(carbon, "lowG"), JsonFields.num(carbon, "highG"),
                projection, proj == null ? null : JsonFields.str(proj, "method"), List.copyOf(expectations), JsonFields.strings(o, "notes"));
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    /** A short name for plots and tables: the sweep values ("l1 50%") or else the experiment's name. */
    public String label() {
        if (variant.isEmpty()) return name;
        return String.join(" ", variant.values());
    }

    /** The experiment name with its sweep values, as a table row heading. */
    public String title() {
        return variant.isEmpty() ? name : name + " [" + label() + "]";
    }

    public boolean complete() {
        return "complete".equals(status);
    }

    /** "2/3" passed of those judged, or "-" when there were none. */
    public String expectsText() {
        return expectations.isEmpty() ? "-" : expectsPassed() + "/" + expectations.size();
    }

    public long expectsPassed() {
        return expectations.stream().filter(e -> Boolean.TRUE.equals(e.passed())).count();
    }

    public long expectsFailed() {
        return expectations.stream().filter(ExpectResult::failed).count();
    }

    /** Pruned CO2e in grams: the measured figure, or the energy block's total. */
    public Double prunedCarbonG() {
        Double g = pruned.get("carbon_g");
        return g != null ? g : carbonG;
    }
}
