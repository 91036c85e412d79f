package org.tinytitans.engine.vit;

import com.google.gson.JsonObject;

/**
 * CLIP ({@code CLIPModel}): a CLIP-style vision tower and a text tower, each with a bias-free projection to
 * {@code projectionDim}, and a learned logit scale (stored as its log).
 */
public record ClipConfig(VisionTower vision, ClipText text, int projectionDim, double logitScaleInit) implements MultimodalConfig {

    public ClipConfig {
        if (!vision.clipStyle()) {
            throw new IllegalArgumentException("CLIP has a CLIP-style vision tower");
        }
        if (projectionDim < 1) {
            throw new IllegalArgumentException("projection_dim must be positive, not " + projectionDim);
        }
    }

    @Override
    public String modelType() { return "clip"; }

    static ClipConfig fromJson(JsonObject j) {
        return new ClipConfig(VisionTower.fromJson(Json.obj(j, "vision_config"), true), ClipText.fromJson(Json.obj(j, "text_config")),
                Json.num(j, "projection_dim", 512), Json.dbl(j, "logit_scale_init_value", 2.6592));
    }

    @Override
    public JsonObject toJson() {
        JsonObject j = new JsonObject();
        j.addProperty("model_type", "clip");
        j.addProperty("projection_dim", projectionDim);
        j.addProperty("logit_scale_init_value", logitScaleInit);
        JsonObject v = vision.toJson();
        v.addProperty("model_type", "clip_vision_model");
        j.add("vision_config", v);
        j.add("text_config", text.toJson());
        return j;
    }
}
