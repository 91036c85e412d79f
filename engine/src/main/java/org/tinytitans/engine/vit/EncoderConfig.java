package org.tinytitans.engine.vit;

import com.google.gson.JsonObject;

/**
 * One pre-norm transformer encoder stack as ViT, DeiT and both CLIP towers have it: per layer a LayerNorm,
 * multi-head self-attention with biased q/k/v/out projections, a LayerNorm and a two-layer MLP.
 */
public record EncoderConfig(int hidden, int layers, int heads, int intermediate, double normEps, Act act) {

    public EncoderConfig {
        if (hidden < 1 || layers < 0 || heads < 1 || intermediate < 1) {
            throw new IllegalArgumentException("encoder has a non-positive size: " + this);
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("hidden_size " + hidden + " is not a multiple of num_attention_heads " + heads);
        }
    }

    public int headDim() { return hidden / heads; }

    public EncoderConfig withLayers(int n) {
        return new EncoderConfig(hidden, n, heads, intermediate, normEps, act);
    }

    /** Reads {@code hidden_size}, {@code num_hidden_layers}, ... falling back to {@code d} for absent keys. */
    static EncoderConfig fromJson(JsonObject j, EncoderConfig d) {
        if (j.has("qkv_bias") && !j.get("qkv_bias").getAsBoolean()) {
            throw new IllegalArgumentException("qkv_bias false is not supported: the engine's attention has q/k/v biases");
        }
        return new EncoderConfig(Json.num(j, "hidden_size", d.hidden), Json.num(j, "num_hidden_layers", d.layers),
                Json.num(j, "num_attention_heads", d.heads), Json.num(j, "intermediate_size", d.intermediate),
                Json.dbl(j, "layer_norm_eps", d.normEps), Act.fromHf(Json.str(j, "hidden_act", d.act.hfName())));
    }

    void toJson(JsonObject j) {
        j.addProperty("hidden_size", hidden);
        j.addProperty("num_hidden_layers", layers);
        j.addProperty("num_attention_heads", heads);
        j.addProperty("intermediate_size", intermediate);
        j.addProperty("layer_norm_eps", normEps);
        j.addProperty("hidden_act", act.hfName());
    }
}
