package org.tinytitans.engine.vit;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.tinytitans.engine.lm.model.Layout;
import org.tinytitans.engine.lm.model.LmConfig;
import org.tinytitans.engine.lm.model.LmSafetensors;
import org.tinytitans.engine.weights.Tensor;

/**
 * Tiny random-init configs and Hugging Face folders for them, written under the names and shapes transformers
 * uses (4-D patch convolution, (1, 1, hidden) ViT CLS token, ...). Every value is a multiple of 1/64 below 2
 * in magnitude, exact in F16 and BF16, so the reference can use the very values the file holds.
 */
final class TinyVision {
    private TinyVision() {}

    static VitConfig vit() {
        return new VitConfig(new VisionTower(new EncoderConfig(16, 2, 4, 32, 1e-12, Act.GELU), 8, 4, 3, false), 5);
    }

    static ClipConfig clip() {
        return new ClipConfig(new VisionTower(new EncoderConfig(16, 2, 4, 32, 1e-5, Act.QUICK_GELU), 8, 4, 3, true),
                new ClipText(new EncoderConfig(12, 2, 3, 24, 1e-5, Act.QUICK_GELU), 40, 10, 2), 8, 2.6592);
    }

    /** Three vision layers (the third does not run with vision_feature_layer -2), a GQA Llama decoder. */
    static LlavaConfig llava() {
        return new LlavaConfig(new VisionTower(new EncoderConfig(16, 3, 4, 32, 1e-5, Act.QUICK_GELU), 8, 4, 3, true),
                new LmConfig(Layout.LLAMA, 64, 16, 2, 4, 2, 4, 24, 64, 1e-5, 10000.0, false), 2, Act.GELU, true, 63, -2, true);
    }

    static final class Gen {
        private final Random r;

        Gen(long seed) {
            r = new Random(seed);
        }

        Tensor t(double scale, long... shape) {
            return around(0, scale, shape);
        }

        Tensor around(double centre, double scale, long... shape) {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            float[] v = new float[(int) n];
            for (int i = 0; i < v.length; i++) {
                double x = Math.max(-1.9, Math.min(1.9, centre + r.nextGaussian() * scale));
                v[i] = Math.round(x * 64) / 64f;
            }
            return new Tensor(shape, v);
        }
    }

    /** HF {@code ViTForImageClassification} tensors. */
    static Map<String, Tensor> vitTensors(VitConfig c, long seed) {
        Gen g = new Gen(seed);
        VisionTower t = c.tower();
        int h = t.hidden();
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("vit.embeddings.cls_token", g.t(0.5, 1, 1, h));
        m.put("vit.embeddings.position_embeddings", g.t(0.5, 1, t.tokens(), h));
        m.put("vit.embeddings.patch_embeddings.projection.weight", g.t(0.2, h, t.channels(), t.patchSize(), t.patchSize()));
        m.put("vit.embeddings.patch_embeddings.projection.bias", g.t(0.2, h));
        for (int l = 0; l < t.encoder().layers(); l++) {
            String p = "vit.encoder.layer." + l + ".";
            int i = t.encoder().intermediate();
            m.put(p + "layernorm_before.weight", g.around(1, 0.2, h));
            m.put(p + "layernorm_before.bias", g.t(0.1, h));
            for (String x : new String[] {"query", "key", "value"}) {
                m.put(p + "attention.attention." + x + ".weight", g.t(0.3, h, h));
                m.put(p + "attention.attention." + x + ".bias", g.t(0.1, h));
            }
            m.put(p + "attention.output.dense.weight", g.t(0.2, h, h));
            m.put(p + "attention.output.dense.bias", g.t(0.1, h));
            m.put(p + "layernorm_after.weight", g.around(1, 0.2, h));
            m.put(p + "layernorm_after.bias", g.t(0.1, h));
            m.put(p + "intermediate.dense.weight", g.t(0.3, i, h));
            m.put(p + "intermediate.dense.bias", g.t(0.1, i));
            m.put(p + "output.dense.weight", g.t(0.2, h, i));
            m.put(p + "output.dense.bias", g.t(0.1, h));
        }
        m.put("vit.layernorm.weight", g.around(1, 0.2, h));
        m.put("vit.layernorm.bias", g.t(0.1, h));
        m.put("classifier.weight", g.t(0.3, c.labels(), h));
        m.put("classifier.bias", g.t(0.1, c.labels()));
        return m;
    }

    private static void clipLayers(Gen g, Map<String, Tensor> m, String prefix, EncoderConfig e) {
        int h = e.hidden();
        int i = e.intermediate();
        for (int l = 0; l < e.layers(); l++) {
            String p = prefix + "encoder.layers." + l + ".";
            m.put(p + "layer_norm1.weight", g.around(1, 0.2, h));
            m.put(p + "layer_norm1.bias", g.t(0.1, h));
            for (String x : new String[] {"q_proj", "k_proj", "v_proj", "out_proj"}) {
                m.put(p + "self_attn." + x + ".weight", g.t(0.3, h, h));
                m.put(p + "self_attn." + x + ".bias", g.t(0.1, h));
            }
            m.put(p + "layer_norm2.weight", g.around(1, 0.2, h));
            m.put(p + "layer_norm2.bias", g.t(0.1, h));
            m.put(p + "mlp.fc1.weight", g.t(0.3, i, h));
            m.put(p + "mlp.fc1.bias", g.t(0.1, i));
            m.put(p + "mlp.fc2.weight", g.t(0.2, h, i));
            m.put(p + "mlp.fc2.bias", g.t(0.1, h));
        }
    }

    /** HF {@code CLIPVisionModel} tensors under {@code prefix} (e.g. "vision_model."). */
    static void clipVision(Gen g, Map<String, Tensor> m, String prefix, VisionTower t) {
        int h = t.hidden();
        m.put(prefix + "embeddings.class_embedding", g.t(0.5, h));
        m.put(prefix + "embeddings.patch_embedding.weight", g.t(0.2, h, t.channels(), t.patchSize(), t.patchSize()));
        m.put(prefix + "embeddings.position_embedding.weight", g.t(0.5, t.tokens(), h));
        m.put(prefix + "pre_layrnorm.weight", g.around(1, 0.2, h));
        m.put(prefix + "pre_layrnorm.bias", g.t(0.1, h));
        clipLayers(g, m, prefix, t.encoder());
        m.put(prefix + "post_layernorm.weight", g.around(1, 0.2, h));
        m.put(prefix + "post_layernorm.bias", g.t(0.1, h));
    }

    static Map<String, Tensor> clipTensors(ClipConfig c, long seed) {
        Gen g = new Gen(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        ClipText x = c.text();
        m.put("text_model.embeddings.token_embedding.weight", g.t(0.5, x.vocab(), x.hidden()));
        m.put("text_model.embeddings.position_embedding.weight", g.t(0.5, x.maxPositions(), x.hidden()));
        clipLayers(g, m, "text_model.", x.encoder());
        m.put("text_model.final_layer_norm.weight", g.around(1, 0.2, x.hidden()));
        m.put("text_model.final_layer_norm.bias", g.t(0.1, x.hidden()));
        clipVision(g, m, "vision_model.", c.vision());
        m.put("visual_projection.weight", g.t(0.3, c.projectionDim(), c.vision().hidden()));
        m.put("text_projection.weight", g.t(0.3, c.projectionDim(), x.hidden()));
        m.put("logit_scale", new Tensor(new long[] {}, new float[] {Math.round(c.logitScaleInit() * 64) / 64f})); // exact in BF16 too
        return m;
    }

    /** HF {@code LlavaForConditionalGeneration} tensors, in the layout of transformers 4.52+ ({@code model.} prefixes) or before. */
    static Map<String, Tensor> llavaTensors(LlavaConfig c, long seed, boolean newNames) {
        Gen g = new Gen(seed);
        Map<String, Tensor> m = new LinkedHashMap<>();
        String vt = newNames ? "model.vision_tower.vision_model." : "vision_tower.vision_model.";
        String mp = newNames ? "model.multi_modal_projector." : "multi_modal_projector.";
        String lm = newNames ? "model.language_model." : "language_model.model.";
        clipVision(g, m, vt, c.vision());
        int th = c.text().hidden();
        m.put(mp + "linear_1.weight", g.t(0.3, th, c.vision().hidden()));
        m.put(mp + "linear_1.bias", g.t(0.1, th));
        m.put(mp + "linear_2.weight", g.t(0.3, th, th));
        m.put(mp + "linear_2.bias", g.t(0.1, th));
        LmConfig t = c.text();
        int q = t.heads() * t.headDim();
        int kv = t.kvHeads() * t.headDim();
        m.put(lm + "embed_tokens.weight", g.t(0.5, t.vocab(), th));
        for (int l = 0; l < t.layers(); l++) {
            String p = lm + "layers." + l + ".";
            m.put(p + "input_layernorm.weight", g.around(1, 0.2, th));
            m.put(p + "self_attn.q_proj.weight", g.t(0.3, q, th));
            m.put(p + "self_attn.k_proj.weight", g.t(0.3, kv, th));
            m.put(p + "self_attn.v_proj.weight", g.t(0.3, kv, th));
            m.put(p + "self_attn.o_proj.weight", g.t(0.3, th, q));
            m.put(p + "post_attention_layernorm.weight", g.around(1, 0.2, th));
            m.put(p + "mlp.gate_proj.weight", g.t(0.3, t.intermediate(), th));
            m.put(p + "mlp.up_proj.weight", g.t(0.3, t.intermediate(), th));
            m.put(p + "mlp.down_proj.weight", g.t(0.3, th, t.intermediate()));
        }
        m.put(lm + "norm.weight", g.around(1, 0.2, th));
        m.put(newNames ? "lm_head.weight" : "language_model.lm_head.weight", g.t(0.3, t.vocab(), th));
        return m;
    }

    /** Writes config.json and model.safetensors in {@code dtype} (F32, F16 or BF16). */
    static void write(Path dir, MultimodalConfig c, Map<String, Tensor> tensors, String dtype) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), new GsonBuilder().setPrettyPrinting().create().toJson(c.toJson()));
        LmSafetensors.write(dir.resolve("model.safetensors"), tensors, dtype);
    }

    /** A random image in CHW order. */
    static float[] image(VisionTower t, long seed) {
        Random r = new Random(seed);
        float[] v = new float[t.channels() * t.imageSize() * t.imageSize()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }
}
