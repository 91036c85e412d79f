package org.tinytitans.engine.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One EXPERIMENT object of result.json (docs/results.md), read tolerantly: absent parts are null or empty.
 * {@code energy} and {@code projection} are null when the run did not measure them; {@code modelFile} is the
 * pruned model's path as written (relative to the run folder or to its experiments/ folder), or null;
 * {@code sensitivity} and {@code search} are null unless the run scanned or searched (issue 18).
 */
public record ExperimentResult(
        String name, String id, Map<String, String> variant, String status, String error,
        String model, String dataset, String target,
        Metrics baseline, Metrics pruned, Setup setup,
        List<LayerWidth> layers, List<EnergyPhase> phases, Energy energy, Projection projection,
        List<ExpectResult> expectations, List<String> notes, String modelFile,
        Sensitivity sensitivity, SearchResult search) {

    /**
     * How the figures were taken: what ran the timed passes and the units counts are in; the machine's load around
     * the timing (the higher of before and after), its CPUs and whether it was busy; the measured roofline and each
     * model's achieved GMAC/s (all null in results written before they existed).
     */
    public record Setup(String latencyRuntime, String latencyRuntimeVersion, Integer latencyBatch, String latencyUnit,
                        String throughputUnit, String flopsUnit, Integer threads, Double load, Integer cpus, Boolean busy,
                        Double rooflineGmacs, Double baselineGmacs, Double prunedGmacs) {}

    /** The job's own energy and CO2e, each with its range; {@code method} is the first phase's CPU method label. */
    public record Energy(Double wh, Double whLow, Double whHigh, String method, Double carbonG, Double carbonGLow,
                         Double carbonGHigh, Double intensityGPerKWh, String intensitySource) {}

    /** What the pruned model saves per {@code inferences} inferences, with ranges and its method label. */
    public record Projection(Double inferences, Double savedKWh, Double savedKWhLow, Double savedKWhHigh,
                             Double savedCo2Kg, Double savedCo2KgLow, Double savedCo2KgHigh, String method) {}

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
                        JsonFields.num(p, "wh_low"), JsonFields.num(p, "wh_high")));
            }
        }
        JsonObject carbon = JsonFields.obj(energy, "carbon");
        List<JsonObject> phaseObjects = JsonFields.objects(energy, "phases");
        Energy energyResult = energy == null ? null : new Energy(JsonFields.num(energy, "total_wh"), JsonFields.num(energy, "total_wh_low"),
                JsonFields.num(energy, "total_wh_high"), phaseObjects.isEmpty() ? null : JsonFields.str(phaseObjects.get(0), "cpu"),
                JsonFields.num(carbon, "g"), JsonFields.num(carbon, "g_low"), JsonFields.num(carbon, "g_high"),
                JsonFields.num(carbon, "intensity_g_per_kwh"), JsonFields.str(carbon, "source"));
        JsonObject proj = JsonFields.obj(o, "projection");
        Projection projection = proj == null ? null : new Projection(JsonFields.num(proj, "inferences"),
                JsonFields.num(proj, "saved_kwh"), JsonFields.num(proj, "saved_kwh_low"), JsonFields.num(proj, "saved_kwh_high"),
                JsonFields.num(proj, "saved_co2_kg"), JsonFields.num(proj, "saved_co2_kg_low"),
                JsonFields.num(proj, "saved_co2_kg_high"), JsonFields.str(proj, "method"));
        JsonObject base = JsonFields.obj(o, "baseline");
        JsonObject latency = JsonFields.obj(base, "latency_ms");
        Double batch = JsonFields.num(latency, "batch");
        JsonObject load = JsonFields.obj(latency, "load_average");
        Double before = JsonFields.num(load, "before");
        Double after = JsonFields.num(load, "after");
        Double cpus = JsonFields.num(load, "cpus");
        Double threads = JsonFields.num(latency, "threads");
        Setup setup = new Setup(JsonFields.str(latency, "runtime"), JsonFields.str(latency, "runtime_version"),
                batch == null ? null : batch.intValue(), JsonFields.str(latency, "unit"),
                JsonFields.str(JsonFields.obj(o, "pruned"), "throughput_unit"), JsonFields.str(base, "flops_unit"),
                threads == null ? null : threads.intValue(),
                before == null || after == null ? null : Math.max(before, after), cpus == null ? null : cpus.intValue(),
                JsonFields.bool(load, "busy"), JsonFields.num(latency, "roofline_gmacs"), JsonFields.num(latency, "gmacs"),
                JsonFields.num(JsonFields.obj(JsonFields.obj(o, "pruned"), "latency_ms"), "gmacs"));
        List<ExpectResult> expectations = new ArrayList<>();
        for (JsonObject e : JsonFields.objects(o, "expectations")) {
            Double line = JsonFields.num(e, "line");
            expectations.add(new ExpectResult(line == null ? null : line.intValue(), orDash(JsonFields.str(e, "text")),
                    JsonFields.bool(e, "passed"), JsonFields.str(e, "actual")));
        }
        String status = JsonFields.str(o, "status");
        return new ExperimentResult(name, id, variant, status == null ? "unknown" : status, JsonFields.str(o, "error"),
                JsonFields.str(o, "model"), JsonFields.str(o, "dataset"), JsonFields.str(o, "target"),
                Metrics.from(base), Metrics.from(JsonFields.obj(o, "pruned")), setup,
                List.copyOf(layers), List.copyOf(phases), energyResult, projection,
                List.copyOf(expectations), JsonFields.strings(o, "notes"), JsonFields.str(o, "model_file"),
                Sensitivity.from(JsonFields.obj(o, "sensitivity")), SearchResult.from(JsonFields.obj(o, "search")));
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

    /** The job's energy in Wh, or null when it was not measured. */
    public Double totalWh() {
        return energy == null ? null : energy.wh();
    }

    /** Pruned CO2e in grams: the measured figure, or the energy block's total. */
    public Double prunedCarbonG() {
        Double g = pruned.get("carbon_g");
        return g != null ? g : energy == null ? null : energy.carbonG();
    }
}
