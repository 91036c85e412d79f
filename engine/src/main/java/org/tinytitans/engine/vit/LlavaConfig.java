package org.tinytitans.engine.vit;

import com.google.gson.JsonObject;
import org.tinytitans.engine.lm.model.LmConfig;

/**
 * A LLaVA-style vision-language model ({@code LlavaForConditionalGeneration}): a CLIP-style vision tower whose
 * hidden states after layer {@link #towerLayers()} (Hugging Face's {@code vision_feature_layer}, -2 by default)
 * are projected by a linear map or a two-layer MLP into the embedding space of a Llama decoder, where they
 * replace the prompt's {@code <image>} token. With {@code vision_feature_select_strategy} "default" the CLS
 * token is dropped, so one image becomes {@link #imageTokens()} decoder tokens (576 for LLaVA-1.5).
 *
 * @param projectorLayers 2 for Hugging Face's {@code linear_1 → act → linear_2}, 1 for the original LLaVA's
 *                        single linear projection ({@code "projector_type": "linear"})
 */
public record LlavaConfig(VisionTower vision, LmConfig text, int projectorLayers, Act projectorAct, boolean projectorBias,
                          int imageTokenIndex, int featureLayer, boolean dropCls) implements MultimodalConfig {

    public LlavaConfig {
        if (!vision.clipStyle()) {
            throw new IllegalArgumentException("a LLaVA vision tower is CLIP-style");
        }
        if (projectorLayers != 1 && projectorLayers != 2) {
            throw new IllegalArgumentException("the projector has 1 or 2 linear layers, not " + projectorLayers);
        }
        int l = vision.encoder().layers();
        int run = featureLayer < 0 ? l + 1 + featureLayer : featureLayer;
        if (run < 0 || run > l) {
            throw new IllegalArgumentException("vision_feature_layer " + featureLayer + " is outside a tower of " + l + " layers");
        }
        if (imageTokenIndex < 0 || imageTokenIndex >= text.vocab()) {
            throw new IllegalArgumentException("image_token_index " + imageTokenIndex + " is outside the vocabulary of " + text.vocab());
        }
    }

    @Override
    public String modelType() { return "llava"; }

    /** Vision layers that run: the features are taken after this many (hidden_states[vision_feature_layer]). */
    public int towerLayers() {
        int l = vision.encoder().layers();
        return featureLayer < 0 ? l + 1 + featureLayer : featureLayer;
    }

    /** Decoder tokens one image becomes. */
    public int imageTokens() { return vision.patches() + (dropCls ? 0 : 1); }

    public LlavaConfig withText(LmConfig t) {
        return new LlavaConfig(vision, t, projectorLayers, projectorAct, projectorBias, imageTokenIndex, featureLayer, dropCls);
    }

    public LlavaConfig withVision(VisionTower v) {
        return new LlavaConfig(v, text, projectorLayers, projectorAct, projectorBias, imageTokenIndex, featureLayer, dropCls);
    }

    static LlavaConfig fromJson(JsonObject j) {
        JsonObject tc = Json.obj(j, "text_config").deepCopy();
        // llava-hf configs list only what differs from LlamaConfig's defaults (a Vicuna-7B shape)
        putIfAbsent(tc, "model_type", "llama");
        putIfAbsent(tc, "vocab_size", 32000);
        putIfAbsent(tc, "hidden_size", 4096);
        putIfAbsent(tc, "intermediate_size", 11008);
        putIfAbsent(tc, "num_hidden_layers", 32);
        putIfAbsent(tc, "num_attention_heads", 32);
        putIfAbsent(tc, "max_position_embeddings", 2048);
        LmConfig text = LmConfig.fromJson(tc);
        String strategy = Json.str(j, "vision_feature_select_strategy", "default");
        if (!strategy.equals("default") && !strategy.equals("full")) {
            throw new IllegalArgumentException("vision_feature_select_strategy '" + strategy + "' is not supported; use default or full");
        }
        if (j.has("vision_feature_layer") && j.get("vision_feature_layer").isJsonArray()) {
            throw new IllegalArgumentException("a list of vision_feature_layer values is not supported; give one layer");
        }
        String projector = Json.str(j, "projector_type", "mlp2x_gelu");
        int layers = switch (projector) {
            case "linear" -> 1;
            case "mlp2x_gelu" -> 2;
            default -> throw new IllegalArgumentException("projector_type '" + projector + "' is not supported; use linear or mlp2x_gelu");
        };
        return new LlavaConfig(VisionTower.fromJson(Json.obj(j, "vision_config"), true), text, layers,
                Act.fromHf(Json.str(j, "projector_hidden_act", "gelu")),
                !j.has("multimodal_projector_bias") || j.get("multimodal_projector_bias").getAsBoolean(),
                Json.num(j, "image_token_index", 32000), Json.num(j, "vision_feature_layer", -2), strategy.equals("default"));
    }

    private static void putIfAbsent(JsonObject j, String key, Object v) {
        if (!j.has(key) || j.get(key).isJsonNull()) {
            if (v instanceof String s) {
                j.addProperty(key, s);
            } else {
                j.addProperty(key, (Number) v);
            }
        }
    }

    @Override
    public JsonObject toJson() {
        JsonObject j = new JsonObject();
        j.addProperty("model_type", "llava");
        j.addProperty("image_token_index", imageTokenIndex);
        j.addProperty("projector_hidden_act", projectorAct.hfName());
        j.addProperty("projector_type", projectorLayers == 1 ? "linear" : "mlp2x_gelu");
        j.addProperty("multimodal_projector_bias", projectorBias);
        j.addProperty("vision_feature_layer", featureLayer);
        j.addProperty("vision_feature_select_strategy", dropCls ? "default" : "full");
        JsonObject v = vision.toJson();
        v.addProperty("model_type", "clip_vision_model");
        j.add("vision_config", v);
        j.add("text_config", text.toJson());
        return j;
    }
}
