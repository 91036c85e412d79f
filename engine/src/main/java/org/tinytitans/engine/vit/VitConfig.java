package org.tinytitans.engine.vit;

import com.google.gson.JsonObject;

/** A ViT or DeiT image classifier in the {@code ViTForImageClassification} layout: a vision tower and a linear head on the CLS token. */
public record VitConfig(VisionTower tower, int labels) implements MultimodalConfig {

    public VitConfig {
        if (tower.clipStyle()) {
            throw new IllegalArgumentException("a ViT classifier has a ViT-style tower");
        }
        if (labels < 1) {
            throw new IllegalArgumentException("a classifier needs at least one label, not " + labels);
        }
    }

    @Override
    public String modelType() { return "vit"; }

    public VitConfig withTower(VisionTower t) {
        return new VitConfig(t, labels);
    }

    static VitConfig fromJson(JsonObject j) {
        if (j.has("architectures") && j.get("architectures").toString().contains("WithTeacher")) {
            throw new IllegalArgumentException("distilled DeiT (two heads, a distillation token) is not supported; use a ViTForImageClassification checkpoint");
        }
        int labels = j.has("id2label") ? j.getAsJsonObject("id2label").size() : Json.num(j, "num_labels", 2);
        return new VitConfig(VisionTower.fromJson(j, false), labels);
    }

    @Override
    public JsonObject toJson() {
        JsonObject j = tower.toJson();
        j.addProperty("model_type", "vit");
        j.addProperty("num_labels", labels);
        JsonObject id2label = new JsonObject();
        for (int i = 0; i < labels; i++) {
            id2label.addProperty(Integer.toString(i), "LABEL_" + i);
        }
        j.add("id2label", id2label);
        j.addProperty("qkv_bias", true);
        return j;
    }
}
