package org.tinytitans.engine.vit;

import com.google.gson.JsonObject;

/**
 * One pre-norm transformer encoder stack as ViT, DeiT and both CLIP towers have it: per layer a LayerNorm,
 * multi-head self-attention with biased q/k/v/out projections, a LayerNorm and a two-layer MLP.
 * {@code headDim} is hidden / heads in every checkpoint; only head pruning ({@link VitPrune#heads}) leaves fewer
 * heads of the same size, so the attention width ({@link #attentionWidth()}) falls below {@code hidden}.
 */
public record EncoderConfig(int hidden, int layers, int heads, int intermediate, double normEps, Act act, int headDim) {

    public EncoderConfig {
        if (hidden < 1 || layers < 0 || heads < 1 || intermediate < 1 || headDim < 1) {
            throw new IllegalArgumentException("encoder has a non-positive size: " + this);
        }
    }

    /** A checkpoint's encoder: heads of hidden / heads each. */
    public EncoderConfig(int hidden, int layers, int heads, int intermediate, double normEps, Act act) {
        this(hidden, layers, heads, intermediate, normEps, act, divided(hidden, heads));
    }

    private static int divided(int hidden, int heads) {
        if (heads < 1 || hidden % heads != 0) {
            throw new IllegalArgumentException("hidden_size " + hidden + " is not a multiple of num_attention_heads " + heads);
        }
        return hidden / heads;
    }

    /** Rows of q, k and v, columns of the output projection: heads × head size. */
    public int attentionWidth() { return heads * headDim; }

    public EncoderConfig withLayers(int n) {
        return new EncoderConfig(hidden, n, heads, intermediate, normEps, act, headDim);
    }

    public EncoderConfig withHeads(int n) {
        return new EncoderConfig(hidden, layers, n, intermediate, normEps, act, headDim);
    }

    public EncoderConfig withIntermediate(int n) {
        return new EncoderConfig(hidden, layers, heads, n, normEps, act, headDim);
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
        if (attentionWidth() != hidden) {
            throw new IllegalStateException("a config.json cannot state heads of " + headDim + " with hidden_size " + hidden
                    + " (" + heads + " heads left by head pruning)");
        }
        j.addProperty("hidden_size", hidden);
        j.addProperty("num_hidden_layers", layers);
        j.addProperty("num_attention_heads", heads);
        j.addProperty("intermediate_size", intermediate);
        j.addProperty("layer_norm_eps", normEps);
        j.addProperty("hidden_act", act.hfName());
    }
}
