package org.tinytitans.engine.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole result.json (schema titans-result/2, docs/results.md; /1 files are read through {@link ResultV1}) as plain values. {@code environment} is
 * flattened to "threads.intraOp" style keys; {@code specText} is the spec as run when it was found beside
 * the result, else null; {@code file} is where the result was read from (null when parsed from text).
 */
public record RunResult(Path file, String schema, String spec, String specHash, String status,
                        String startedAt, String finishedAt, Map<String, String> environment,
                        List<ExperimentResult> experiments, String specText) {

    public static RunResult from(JsonObject root, Path file, String specText) {
        if (ResultV1.applies(root)) {
            root = root.deepCopy();
            ResultV1.upgrade(root);
        }
        List<ExperimentResult> experiments = new ArrayList<>();
        List<JsonObject> list = JsonFields.objects(root, "experiments");
        for (int i = 0; i < list.size(); i++) {
            experiments.add(ExperimentResult.from(list.get(i), i));
        }
        Map<String, String> env = new LinkedHashMap<>();
        flatten("", JsonFields.obj(root, "environment"), env);
        String status = JsonFields.str(root, "status");
        return new RunResult(file, JsonFields.str(root, "schema"), JsonFields.str(root, "spec"),
                JsonFields.str(root, "spec_hash"), status == null ? "unknown" : status,
                JsonFields.str(root, "started_at"), JsonFields.str(root, "finished_at"), env,
                List.copyOf(experiments), specText);
    }

    private static void flatten(String prefix, JsonObject o, Map<String, String> out) {
        if (o == null) return;
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String key = prefix + e.getKey();
            JsonElement v = e.getValue();
            if (v.isJsonObject()) {
                flatten(key + ".", v.getAsJsonObject(), out);
            } else if (v.isJsonPrimitive()) {
                out.put(key, v.getAsString());
            } else if (v.isJsonArray()) {
                List<String> parts = new ArrayList<>();
                v.getAsJsonArray().forEach(x -> parts.add(x.isJsonPrimitive() ? x.getAsString() : x.toString()));
                out.put(key, String.join(", ", parts));
            }
        }
    }

    /** The spec's file name without extension ("quickstart"), for titles. */
    public String stem() {
        String s = spec;
        if (s == null && file != null && file.getParent() != null) return file.getParent().getFileName().toString();
        if (s == null) return "result";
        String name = Path.of(s).getFileName().toString();
        return name.endsWith(".prune") ? name.substring(0, name.length() - ".prune".length()) : name;
    }

    /** True when the results are for a language model: they are judged on perplexity, not accuracy. */
    public boolean usesPerplexity() {
        boolean anyAccuracy = experiments.stream().anyMatch(e -> e.pruned().has("accuracy"));
        boolean anyPerplexity = experiments.stream().anyMatch(e -> e.pruned().has("perplexity"));
        return anyPerplexity && !anyAccuracy;
    }

    public long expectsFailed() {
        return experiments.stream().mapToLong(ExperimentResult::expectsFailed).sum();
    }

    /** The job failed as a whole, or an experiment failed. */
    public boolean failed() {
        return "failed".equals(status) || experiments.stream().anyMatch(e -> "failed".equals(e.status()));
    }
}
