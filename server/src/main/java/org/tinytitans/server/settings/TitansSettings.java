package org.tinytitans.server.settings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's settings (section "titans"), from initializationOptions and workspace/didChangeConfiguration.
 * {@link #merge} applies only the keys present, LemMinX style, so a client may send a partial object.
 */
public final class TitansSettings {
    private volatile boolean runOnSave = true;
    private volatile String defaultTarget = "cpu";
    private volatile String carbonRegion = "WORLD";
    private volatile List<String> jobJavaOptions = List.of();
    /** The command of local jobs, to which `--events SPEC` is appended (as `titans-cli run`). Empty: the engine's JobMain. */
    private volatile List<String> jobCommand = List.of();
    private volatile int debounceMs = 150;
    private final FeatureSettings features = new FeatureSettings();

    public boolean runOnSave() {
        return runOnSave;
    }

    public String defaultTarget() {
        return defaultTarget;
    }

    public String carbonRegion() {
        return carbonRegion;
    }

    public List<String> jobJavaOptions() {
        return jobJavaOptions;
    }

    public List<String> jobCommand() {
        return jobCommand;
    }

    public int debounceMs() {
        return debounceMs;
    }

    public FeatureSettings features() {
        return features;
    }

    /**
     * Merges a settings object: either {"titans": {...}} (didChangeConfiguration) or the section itself
     * (initializationOptions). Unknown keys and values of the wrong type are ignored.
     */
    public void merge(JsonElement json) {
        if (json == null || !json.isJsonObject()) return;
        JsonObject o = json.getAsJsonObject();
        if (o.has("titans") && o.get("titans").isJsonObject()) o = o.getAsJsonObject("titans");
        runOnSave = bool(o, "runOnSave", runOnSave);
        defaultTarget = string(o, "defaultTarget", defaultTarget);
        carbonRegion = string(o, "carbonRegion", carbonRegion);
        jobJavaOptions = strings(o, "jobJavaOptions", jobJavaOptions);
        jobCommand = strings(o, "jobCommand", jobCommand);
        debounceMs = (int) Math.max(0, number(o, "debounceMs", debounceMs));
        if (o.has("features") && o.get("features").isJsonObject()) features.merge(o.getAsJsonObject("features"));
    }

    static boolean bool(JsonObject o, String key, boolean fallback) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : fallback;
    }

    private static String string(JsonObject o, String key, String fallback) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && !e.getAsString().isBlank()
                ? e.getAsString().trim() : fallback;
    }

    private static double number(JsonObject o, String key, double fallback) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : fallback;
    }

    /** A list of strings; a single string is split on spaces (as settings UIs often give options). */
    private static List<String> strings(JsonObject o, String key, List<String> fallback) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) return fallback;
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            String s = e.getAsString().trim();
            return s.isEmpty() ? List.of() : List.of(s.split("\\s+"));
        }
        if (!e.isJsonArray()) return fallback;
        List<String> out = new ArrayList<>();
        for (JsonElement x : (JsonArray) e) {
            if (x.isJsonPrimitive()) out.add(x.getAsString());
        }
        return List.copyOf(out);
    }
}
