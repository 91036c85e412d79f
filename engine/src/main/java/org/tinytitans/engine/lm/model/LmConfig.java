package org.tinytitans.engine.lm.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The shape of a decoder-only model, read from and written to a Hugging Face {@code config.json}. Pruning
 * changes {@link #layers}, {@link #intermediate} and {@link #heads}/{@link #kvHeads}; {@link #headDim} is kept
 * explicit so a model whose heads were pruned still knows its attention width.
 */
public record LmConfig(Layout layout, int vocab, int hidden, int layers, int heads, int kvHeads, int headDim,
                       int intermediate, int maxPositions, double normEps, double ropeTheta, boolean tiedEmbeddings,
                       RopeScaling ropeScaling) {

    /** Without rope scaling. */
    public LmConfig(Layout layout, int vocab, int hidden, int layers, int heads, int kvHeads, int headDim, int intermediate,
                    int maxPositions, double normEps, double ropeTheta, boolean tiedEmbeddings) {
        this(layout, vocab, hidden, layers, heads, kvHeads, headDim, intermediate, maxPositions, normEps, ropeTheta, tiedEmbeddings, null);
    }

    public LmConfig {
        if (vocab < 1 || hidden < 1 || layers < 0 || heads < 1 || kvHeads < 1 || headDim < 1 || intermediate < 1) {
            throw new IllegalArgumentException("config has a non-positive size: " + this);
        }
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads " + heads + " is not a multiple of num_key_value_heads " + kvHeads);
        }
        if (layout == Layout.LLAMA && headDim % 2 != 0) {
            throw new IllegalArgumentException("head_dim " + headDim + " must be even for rotary embeddings");
        }
    }

    /** Query heads that share one key/value head. */
    public int groupSize() { return heads / kvHeads; }

    public LmConfig withLayers(int n) {
        return new LmConfig(layout, vocab, hidden, n, heads, kvHeads, headDim, intermediate, maxPositions, normEps, ropeTheta, tiedEmbeddings, ropeScaling);
    }

    public LmConfig withIntermediate(int n) {
        return new LmConfig(layout, vocab, hidden, layers, heads, kvHeads, headDim, n, maxPositions, normEps, ropeTheta, tiedEmbeddings, ropeScaling);
    }

    public LmConfig withHeads(int q, int kv) {
        return new LmConfig(layout, vocab, hidden, layers, q, kv, headDim, intermediate, maxPositions, normEps, ropeTheta, tiedEmbeddings, ropeScaling);
    }

    /** Every parameter, computed from the shape alone (no weights allocated). */
    public long paramCount() {
        long e = hidden;
        long total = (long) vocab * e;
        if (!tiedEmbeddings) {
            total += (long) vocab * e;
        }
        boolean bias = layout == Layout.GPT2;
        if (bias) {
            total += (long) maxPositions * e;
        }
        total += bias ? 2 * e : e; // final norm
        return total + layers * paramsPerLayer();
    }

    public long paramsPerLayer() {
        long e = hidden;
        long q = (long) heads * headDim;
        long kv = (long) kvHeads * headDim;
        long i = intermediate;
        if (layout == Layout.GPT2) {
            long attn = e * (q + 2 * kv) + (q + 2 * kv) + q * e + e;
            long mlp = e * i + i + i * e + e;
            return attn + mlp + 4 * e;
        }
        return e * (q + 2 * kv) + q * e + 3 * e * i + 2 * e;
    }

    /**
     * Multiply-accumulates for one token at the given context length: every matrix multiply including the
     * LM head, plus attention scores and the weighted sum over {@code context} cached positions. Embedding
     * lookups, norms and activations are not counted, as for the vision models.
     */
    public long macsPerToken(int context) {
        long e = hidden;
        long q = (long) heads * headDim;
        long kv = (long) kvHeads * headDim;
        long mlp = layout == Layout.GPT2 ? 2L * e * intermediate : 3L * e * intermediate;
        long perLayer = e * (q + 2 * kv) + q * e + mlp + 2L * q * context;
        return layers * perLayer + (long) vocab * e;
    }

    public static LmConfig read(Path file) throws IOException {
        return org.tinytitans.engine.weights.JsonFiles.read(file, LmConfig::fromJson);
    }

    /** Reads GPT-2 ({@code n_embd}, {@code n_layer}, ...) and Llama-style ({@code hidden_size}, ...) keys. */
    public static LmConfig fromJson(JsonObject j) {
        String type = str(j, "model_type", "");
        boolean gpt2 = type.equals("gpt2") || j.has("n_embd");
        if (gpt2) {
            int hidden = num(j, "n_embd");
            int heads = num(j, "n_head");
            int headDim = j.has("head_dim") ? num(j, "head_dim") : hidden / heads;
            int inner = j.has("n_inner") && !j.get("n_inner").isJsonNull() ? num(j, "n_inner") : 4 * hidden;
            return new LmConfig(Layout.GPT2, num(j, "vocab_size"), hidden, num(j, "n_layer"), heads,
                    j.has("num_key_value_heads") ? num(j, "num_key_value_heads") : heads, headDim, inner,
                    num(j, "n_positions"), dbl(j, "layer_norm_epsilon", 1e-5), 0, true, null);
        }
        if (!type.isEmpty() && !type.equals("llama") && !type.equals("mistral") && !type.equals("qwen2")) {
            throw new IllegalArgumentException("model_type '" + type + "' is not supported; use a gpt2 or llama layout");
        }
        RopeScaling scaling = j.has("rope_scaling") && !j.get("rope_scaling").isJsonNull()
                ? RopeScaling.fromJson(j.getAsJsonObject("rope_scaling")) : null;
        int hidden = num(j, "hidden_size");
        int heads = num(j, "num_attention_heads");
        return new LmConfig(Layout.LLAMA, num(j, "vocab_size"), hidden, num(j, "num_hidden_layers"), heads,
                j.has("num_key_value_heads") ? num(j, "num_key_value_heads") : heads,
                j.has("head_dim") ? num(j, "head_dim") : hidden / heads, num(j, "intermediate_size"),
                j.has("max_position_embeddings") ? num(j, "max_position_embeddings") : 2048,
                dbl(j, "rms_norm_eps", 1e-6), dbl(j, "rope_theta", 10000.0),
                j.has("tie_word_embeddings") && j.get("tie_word_embeddings").getAsBoolean(), scaling);
    }

    public JsonObject toJson() {
        JsonObject j = new JsonObject();
        if (layout == Layout.GPT2) {
            j.addProperty("model_type", "gpt2");
            j.addProperty("vocab_size", vocab);
            j.addProperty("n_embd", hidden);
            j.addProperty("n_layer", layers);
            j.addProperty("n_head", heads);
            j.addProperty("head_dim", headDim);
            j.addProperty("n_inner", intermediate);
            j.addProperty("n_positions", maxPositions);
            j.addProperty("layer_norm_epsilon", normEps);
            j.addProperty("activation_function", "gelu_new");
            if (kvHeads != heads) {
                j.addProperty("num_key_value_heads", kvHeads);
            }
        } else {
            j.addProperty("model_type", "llama");
            j.addProperty("vocab_size", vocab);
            j.addProperty("hidden_size", hidden);
            j.addProperty("num_hidden_layers", layers);
            j.addProperty("num_attention_heads", heads);
            j.addProperty("num_key_value_heads", kvHeads);
            j.addProperty("head_dim", headDim);
            j.addProperty("intermediate_size", intermediate);
            j.addProperty("max_position_embeddings", maxPositions);
            j.addProperty("rms_norm_eps", normEps);
            j.addProperty("rope_theta", ropeTheta);
            j.addProperty("tie_word_embeddings", tiedEmbeddings);
            j.addProperty("hidden_act", "silu");
            if (ropeScaling != null) {
                j.add("rope_scaling", ropeScaling.toJson());
            }
        }
        j.addProperty("torch_dtype", "float32");
        return j;
    }

    private static int num(JsonObject j, String key) {
        JsonElement e = j.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("config.json has no '" + key + "'");
        }
        return e.getAsInt();
    }

    private static double dbl(JsonObject j, String key, double fallback) {
        return j.has(key) && !j.get(key).isJsonNull() ? j.get(key).getAsDouble() : fallback;
    }

    private static String str(JsonObject j, String key, String fallback) {
        return j.has(key) && !j.get(key).isJsonNull() ? j.get(key).getAsString() : fallback;
    }
}
