package org.tinytitans.engine.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Map;

/**
 * Reads results written before schema titans-result/2, whose field names were camelCase: renames them in
 * place to today's snake_case names, so every reader sees one schema and results on disk from earlier runs
 * still open in {@code report}, {@code compare} and the editor.
 */
final class ResultV1 {
    private ResultV1() {}

    private static final Map<String, String> TOP = Map.of("specHash", "spec_hash", "startedAt", "started_at",
            "finishedAt", "finished_at");
    private static final Map<String, String> EXPERIMENT = Map.of("specHash", "spec_hash", "modelFile", "model_file",
            "onnxFile", "onnx_file");
    private static final Map<String, String> ENERGY = Map.of("totalWh", "total_wh", "lowWh", "total_wh_low",
            "highWh", "total_wh_high", "waterL", "water_l");
    private static final Map<String, String> PHASE = Map.of("lowWh", "wh_low", "highWh", "wh_high");
    private static final Map<String, String> CARBON = Map.of("lowG", "g_low", "highG", "g_high",
            "intensityGPerKWh", "intensity_g_per_kwh");
    private static final Map<String, String> PROJECTION = Map.ofEntries(Map.entry("denseKWh", "dense_kwh"),
            Map.entry("prunedKWh", "pruned_kwh"), Map.entry("savedKWh", "saved_kwh"),
            Map.entry("savedLowKWh", "saved_kwh_low"), Map.entry("savedHighKWh", "saved_kwh_high"),
            Map.entry("savedCo2Kg", "saved_co2_kg"), Map.entry("savedCo2LowKg", "saved_co2_kg_low"),
            Map.entry("savedCo2HighKg", "saved_co2_kg_high"), Map.entry("savedWaterL", "saved_water_l"),
            Map.entry("savedCost", "saved_cost"));
    private static final Map<String, String> LATENCY = Map.of("runtimeVersion", "runtime_version");
    private static final Map<String, String> THREADS = Map.of("intraOp", "intra_op", "interOp", "inter_op");

    static boolean applies(JsonObject root) {
        String schema = JsonFields.str(root, "schema");
        return schema == null || schema.equals("titans-result/1");
    }

    static void upgrade(JsonObject root) {
        rename(root, TOP);
        rename(JsonFields.obj(JsonFields.obj(root, "environment"), "threads"), THREADS);
        for (JsonObject x : JsonFields.objects(root, "experiments")) {
            rename(x, EXPERIMENT);
            JsonObject energy = JsonFields.obj(x, "energy");
            rename(energy, ENERGY);
            JsonFields.objects(energy, "phases").forEach(p -> rename(p, PHASE));
            rename(JsonFields.obj(energy, "carbon"), CARBON);
            rename(JsonFields.obj(x, "projection"), PROJECTION);
            for (String side : new String[] {"baseline", "pruned"}) {
                rename(JsonFields.obj(JsonFields.obj(x, side), "latency_ms"), LATENCY);
            }
        }
    }

    private static void rename(JsonObject o, Map<String, String> names) {
        if (o == null) return;
        names.forEach((old, now) -> {
            JsonElement v = o.remove(old);
            if (v != null && !o.has(now)) o.add(now, v);
        });
    }
}
