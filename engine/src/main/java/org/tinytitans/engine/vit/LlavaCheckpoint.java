package org.tinytitans.engine.vit;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.lm.model.HfCheckpoint;
import org.tinytitans.engine.lm.model.LmSafetensors;
import org.tinytitans.engine.weights.Tensor;

/**
 * Writes a LLaVA model as a Hugging Face {@code LlavaForConditionalGeneration} folder in the layout of
 * transformers 4.52 and later ({@code model.vision_tower.}, {@code model.multi_modal_projector.},
 * {@code model.language_model.}, {@code lm_head}), which {@link VisionCheckpoints#load} reads back. The decoder's
 * names come from engine/lm's own Llama writer, so there is one mapping per side.
 */
public final class LlavaCheckpoint {
    private LlavaCheckpoint() {}

    /** config.json and model.safetensors; {@code dtype} is F32, F16 or BF16. */
    public static void save(LlavaModel model, Path dir, String dtype) throws IOException {
        Files.createDirectories(dir);
        JsonObject config = model.config().toJson();
        config.add("architectures", new com.google.gson.Gson().toJsonTree(new String[] {"LlavaForConditionalGeneration"}));
        config.addProperty("torch_dtype", switch (dtype) {
            case "F16" -> "float16";
            case "BF16" -> "bfloat16";
            default -> "float32";
        });
        config.getAsJsonObject("text_config").addProperty("tokenizer", model.decoder().tokenizer().kind());
        Files.writeString(dir.resolve("config.json"), new GsonBuilder().setPrettyPrinting().create().toJson(config) + "\n");
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.visionWeights().entrySet()) {
            out.put(hfName(e.getKey(), model.config().vision()), hfTensor(e.getKey(), e.getValue(), model.config().vision()));
        }
        for (Map.Entry<String, Tensor> e : HfCheckpoint.toHf(model.decoder()).entrySet()) {
            String n = e.getKey();
            out.put(n.startsWith("model.") ? "model.language_model." + n.substring("model.".length()) : n, e.getValue());
        }
        LmSafetensors.write(dir.resolve("model.safetensors"), out, dtype);
    }

    /** The engine name of a LLaVA vision or projector tensor to its Hugging Face name. */
    static String hfName(String name, VisionTower t) {
        if (name.startsWith("projector.")) {
            String[] p = name.split("\\.");
            return "model.multi_modal_projector.linear_" + p[1] + (p[2].equals("w") ? ".weight" : ".bias");
        }
        String v = "model.vision_tower.vision_model.";
        String s = name.substring("vision.".length());
        String suffix = s.endsWith(".w") ? ".weight" : ".bias";
        if (s.startsWith("layers.")) {
            String[] p = s.split("\\.");
            String part = switch (p[2]) {
                case "attn_norm" -> "layer_norm1";
                case "q" -> "self_attn.q_proj";
                case "k" -> "self_attn.k_proj";
                case "v" -> "self_attn.v_proj";
                case "o" -> "self_attn.out_proj";
                case "mlp_norm" -> "layer_norm2";
                case "up" -> "mlp.fc1";
                case "down" -> "mlp.fc2";
                default -> throw new IllegalArgumentException("no Hugging Face name for '" + name + "'");
            };
            return v + "encoder.layers." + p[1] + "." + part + suffix;
        }
        return switch (s) {
            case "cls" -> v + "embeddings.class_embedding";
            case "patch.w" -> v + "embeddings.patch_embedding.weight";
            case "pos" -> v + "embeddings.position_embedding.weight";
            case "pre_norm.w", "pre_norm.b" -> v + "pre_layrnorm" + suffix;
            case "norm.w", "norm.b" -> v + "post_layernorm" + suffix;
            default -> throw new IllegalArgumentException("no Hugging Face name for '" + name + "'");
        };
    }

    /** The patch matrix goes back to the (hidden, channels, p, p) convolution weight it was read from. */
    private static Tensor hfTensor(String name, Tensor t, VisionTower tower) {
        if (name.equals("vision.patch.w")) {
            return new Tensor(new long[] {tower.hidden(), tower.channels(), tower.patchSize(), tower.patchSize()}, t.values());
        }
        return t;
    }
}
