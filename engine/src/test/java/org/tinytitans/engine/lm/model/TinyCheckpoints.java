package org.tinytitans.engine.lm.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.tinytitans.engine.weights.Tensor;

/** Writes small Hugging Face checkpoints (HF names and layouts, hand-written config.json) for tests. */
public final class TinyCheckpoints {
    public static final int VOCAB = 256;
    public static final int HIDDEN = 16;
    public static final int LAYERS = 3;
    public static final int HEADS = 4;
    public static final int KV = 2;
    public static final int HEAD_DIM = 4;
    public static final int MLP = 24;
    public static final int POSITIONS = 64;

    private TinyCheckpoints() {}

    /** A Llama-layout checkpoint (GQA: 4 query heads, 2 KV heads, untied head) with random weights. */
    public static Map<String, Tensor> llama(Path dir, long seed, String dtype) throws IOException {
        Random r = new Random(seed);
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("model.embed_tokens.weight", rand(r, 1.0f, VOCAB, HIDDEN));
        for (int l = 0; l < LAYERS; l++) {
            String p = "model.layers." + l + ".";
            t.put(p + "input_layernorm.weight", around1(r, HIDDEN));
            t.put(p + "self_attn.q_proj.weight", rand(r, 0.3f, HEADS * HEAD_DIM, HIDDEN));
            t.put(p + "self_attn.k_proj.weight", rand(r, 0.3f, KV * HEAD_DIM, HIDDEN));
            t.put(p + "self_attn.v_proj.weight", rand(r, 0.3f, KV * HEAD_DIM, HIDDEN));
            t.put(p + "self_attn.o_proj.weight", rand(r, 0.3f, HIDDEN, HEADS * HEAD_DIM));
            t.put(p + "post_attention_layernorm.weight", around1(r, HIDDEN));
            t.put(p + "mlp.gate_proj.weight", rand(r, 0.3f, MLP, HIDDEN));
            t.put(p + "mlp.up_proj.weight", rand(r, 0.3f, MLP, HIDDEN));
            t.put(p + "mlp.down_proj.weight", rand(r, 0.3f, HIDDEN, MLP));
        }
        t.put("model.norm.weight", around1(r, HIDDEN));
        t.put("lm_head.weight", rand(r, 0.3f, VOCAB, HIDDEN));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"llama\", \"vocab_size\": " + VOCAB
                + ", \"hidden_size\": " + HIDDEN + ", \"num_hidden_layers\": " + LAYERS + ", \"num_attention_heads\": " + HEADS
                + ", \"num_key_value_heads\": " + KV + ", \"intermediate_size\": " + MLP + ", \"max_position_embeddings\": "
                + POSITIONS + ", \"rms_norm_eps\": 1e-5, \"rope_theta\": 10000.0, \"tie_word_embeddings\": false}");
        LmSafetensors.write(dir.resolve("model.safetensors"), t, dtype);
        return rounded(t, dtype);
    }

    /** A GPT-2-layout checkpoint (fused Conv1D c_attn, biases, learned positions) with random weights. */
    public static Map<String, Tensor> gpt2(Path dir, long seed) throws IOException {
        Random r = new Random(seed);
        Map<String, Tensor> t = new LinkedHashMap<>();
        t.put("wte.weight", rand(r, 1.0f, VOCAB, HIDDEN));
        t.put("wpe.weight", rand(r, 0.5f, POSITIONS, HIDDEN));
        for (int l = 0; l < LAYERS; l++) {
            String p = "h." + l + ".";
            t.put(p + "ln_1.weight", around1(r, HIDDEN));
            t.put(p + "ln_1.bias", rand(r, 0.1f, HIDDEN));
            t.put(p + "attn.c_attn.weight", rand(r, 0.3f, HIDDEN, 3 * HIDDEN));
            t.put(p + "attn.c_attn.bias", rand(r, 0.1f, 3 * HIDDEN));
            t.put(p + "attn.c_proj.weight", rand(r, 0.3f, HIDDEN, HIDDEN));
            t.put(p + "attn.c_proj.bias", rand(r, 0.1f, HIDDEN));
            t.put(p + "ln_2.weight", around1(r, HIDDEN));
            t.put(p + "ln_2.bias", rand(r, 0.1f, HIDDEN));
            t.put(p + "mlp.c_fc.weight", rand(r, 0.3f, HIDDEN, MLP));
            t.put(p + "mlp.c_fc.bias", rand(r, 0.1f, MLP));
            t.put(p + "mlp.c_proj.weight", rand(r, 0.3f, MLP, HIDDEN));
            t.put(p + "mlp.c_proj.bias", rand(r, 0.1f, HIDDEN));
        }
        t.put("ln_f.weight", around1(r, HIDDEN));
        t.put("ln_f.bias", rand(r, 0.1f, HIDDEN));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"gpt2\", \"vocab_size\": " + VOCAB + ", \"n_embd\": "
                + HIDDEN + ", \"n_layer\": " + LAYERS + ", \"n_head\": " + HEADS + ", \"n_inner\": " + MLP + ", \"n_positions\": "
                + POSITIONS + ", \"layer_norm_epsilon\": 1e-5}");
        LmSafetensors.write(dir.resolve("model.safetensors"), t, "F32");
        return t;
    }

    public static Tensor rand(Random r, float scale, int... shape) {
        long[] s = new long[shape.length];
        int n = 1;
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
            n *= shape[i];
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return new Tensor(s, v);
    }

    private static Tensor around1(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (1 + 0.2 * r.nextGaussian());
        }
        return new Tensor(new long[] {n}, v);
    }

    /** What the file holds after rounding to {@code dtype}, so references compare against the stored values. */
    private static Map<String, Tensor> rounded(Map<String, Tensor> t, String dtype) {
        if (dtype.equals("F32")) {
            return t;
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : t.entrySet()) {
            float[] v = e.getValue().values().clone();
            for (int i = 0; i < v.length; i++) {
                v[i] = dtype.equals("BF16")
                        ? Float.intBitsToFloat((LmSafetensors.toBfloat(v[i]) & 0xffff) << 16)
                        : halfToFloat(LmSafetensors.toHalf(v[i]));
            }
            out.put(e.getKey(), new Tensor(e.getValue().shape(), v));
        }
        return out;
    }

    private static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        float mag = exp == 0 ? mant * 0x1p-24f : (float) ((1 + mant / 1024.0) * Math.pow(2, exp - 15));
        return (bits & 0x8000) != 0 ? -mag : mag;
    }
}
