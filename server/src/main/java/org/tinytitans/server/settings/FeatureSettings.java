package org.tinytitans.server.settings;

import com.google.gson.JsonObject;

/** Per-feature switches ("titans.features.hover": false ...); everything is on by default. */
public final class FeatureSettings {
    private volatile boolean diagnostics = true;
    private volatile boolean completion = true;
    private volatile boolean hover = true;
    private volatile boolean inlayHints = true;
    private volatile boolean codeLens = true;
    private volatile boolean estimates = true;
    private volatile boolean formatting = true;

    public boolean diagnostics() {
        return diagnostics;
    }

    public boolean completion() {
        return completion;
    }

    public boolean hover() {
        return hover;
    }

    public boolean inlayHints() {
        return inlayHints;
    }

    public boolean codeLens() {
        return codeLens;
    }

    /** Live analytic estimates (hover numbers, inlay hints, ratio completion details). */
    public boolean estimates() {
        return estimates;
    }

    public boolean formatting() {
        return formatting;
    }

    void merge(JsonObject o) {
        diagnostics = TitansSettings.bool(o, "diagnostics", diagnostics);
        completion = TitansSettings.bool(o, "completion", completion);
        hover = TitansSettings.bool(o, "hover", hover);
        inlayHints = TitansSettings.bool(o, "inlayHints", inlayHints);
        codeLens = TitansSettings.bool(o, "codeLens", codeLens);
        estimates = TitansSettings.bool(o, "estimates", estimates);
        formatting = TitansSettings.bool(o, "formatting", formatting);
    }
}
