package org.tinytitans.engine.vit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tinytitans.engine.weights.Tensor;

/**
 * Hugging Face tensor names of {@code ViTForImageClassification}, {@code CLIPModel} and
 * {@code LlavaForConditionalGeneration} to the engine's {@link VisionNames}. The patch convolution's
 * (hidden, channels, p, p) weight becomes the (hidden, channels·p²) matrix it multiplies flattened patches by
 * (the same values in the same order); ViT's (1, 1, hidden) CLS token and (1, tokens, hidden) positions lose
 * their leading 1. Unknown names are errors, so a checkpoint of another layout is not half-loaded.
 */
final class HfVisionNames {
    private static final Pattern VIT_LAYER = Pattern.compile("encoder\\.layer\\.(\\d+)\\.(.+)\\.(weight|bias)");
    private static final Pattern ENGINE_LAYER = Pattern.compile("layers\\.(\\d+)\\.(\\w+)\\.(w|b)");
    private static final Pattern CLIP_LAYER = Pattern.compile("encoder\\.layers\\.(\\d+)\\.(.+)\\.(weight|bias)");

    /** A ViT layer's Hugging Face module names and the engine's part names, both ways. */
    private static final Map<String, String> VIT_PARTS = Map.of("layernorm_before", "attn_norm",
            "attention.attention.query", "q", "attention.attention.key", "k", "attention.attention.value", "v",
            "attention.output.dense", "o", "layernorm_after", "mlp_norm", "intermediate.dense", "up", "output.dense", "down");
    /** The model-level ViT tensors: engine name to Hugging Face name. */
    private static final Map<String, String> VIT_TOP = Map.of("patch.b", "vit.embeddings.patch_embeddings.projection.bias",
            "norm.w", "vit.layernorm.weight", "norm.b", "vit.layernorm.bias", "head.w", "classifier.weight", "head.b", "classifier.bias");

    private HfVisionNames() {}

    /**
     * The inverse of {@link #vit}: engine-named ViT tensors under their {@code ViTForImageClassification} names and
     * shapes (the patch matrix back to (hidden, channels, p, p), CLS and positions with their leading 1s).
     */
    static Map<String, Tensor> toVit(VitConfig c, Map<String, Tensor> engine) {
        VisionTower t = c.tower();
        Map<String, String> layerNames = new java.util.HashMap<>();
        VIT_PARTS.forEach((hf, part) -> layerNames.put(part, hf));
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : engine.entrySet()) {
            String n = e.getKey();
            Tensor v = e.getValue();
            Matcher m = ENGINE_LAYER.matcher(n);
            if (m.matches()) {
                out.put("vit.encoder.layer." + m.group(1) + "." + layerNames.get(m.group(2)) + (m.group(3).equals("w") ? ".weight" : ".bias"), v);
                continue;
            }
            switch (n) {
                case "cls" -> out.put("vit.embeddings.cls_token", new Tensor(new long[] {1, 1, t.hidden()}, v.values()));
                case "pos" -> out.put("vit.embeddings.position_embeddings", new Tensor(new long[] {1, t.tokens(), t.hidden()}, v.values()));
                case "patch.w" -> out.put("vit.embeddings.patch_embeddings.projection.weight",
                        new Tensor(new long[] {t.hidden(), t.channels(), t.patchSize(), t.patchSize()}, v.values()));
                default -> {
                    String hf = VIT_TOP.get(n);
                    if (hf == null) {
                        throw new IllegalArgumentException("no Hugging Face name for the ViT tensor '" + n + "'");
                    }
                    out.put(hf, v);
                }
            }
        }
        return out;
    }

    /** ViT/DeiT: every tensor under {@code vit.} or {@code deit.}, plus {@code classifier}. */
    static Map<String, Tensor> vit(Map<String, Tensor> raw) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : raw.entrySet()) {
            String n = e.getKey();
            Tensor t = e.getValue();
            String s = n.startsWith("vit.") ? n.substring(4) : n.startsWith("deit.") ? n.substring(5) : n;
            Matcher m = VIT_LAYER.matcher(s);
            if (m.matches()) {
                String part = VIT_PARTS.get(m.group(2));
                if (part == null) {
                    throw unknown(n, "vit");
                }
                out.put(VisionNames.layer("", Integer.parseInt(m.group(1)), part) + suffix(m.group(3)), t);
                continue;
            }
            switch (s) {
                case "embeddings.cls_token" -> out.put("cls", flat(t));
                case "embeddings.position_embeddings" -> out.put("pos", dropLeadingOne(t));
                case "embeddings.patch_embeddings.projection.weight" -> out.put("patch.w", patchMatrix(t));
                case "embeddings.patch_embeddings.projection.bias" -> out.put("patch.b", t);
                case "layernorm.weight" -> out.put("norm.w", t);
                case "layernorm.bias" -> out.put("norm.b", t);
                case "classifier.weight" -> out.put("head.w", t);
                case "classifier.bias" -> out.put("head.b", t);
                case "embeddings.distillation_token", "distillation_classifier.weight", "distillation_classifier.bias" ->
                        throw new IllegalArgumentException("tensor '" + n + "' belongs to a distilled DeiT, which is not supported");
                default -> throw unknown(n, "vit");
            }
        }
        return out;
    }

    /** CLIP: {@code vision_model.}, {@code text_model.}, the projections and {@code logit_scale}. */
    static Map<String, Tensor> clip(Map<String, Tensor> raw) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : raw.entrySet()) {
            String n = e.getKey();
            Tensor t = e.getValue();
            if (n.startsWith("vision_model.")) {
                clipVision(n, n.substring("vision_model.".length()), t, out);
            } else if (n.startsWith("text_model.")) {
                clipText(n, n.substring("text_model.".length()), t, out);
            } else {
                switch (n) {
                    case "visual_projection.weight" -> out.put("vision.proj.w", t);
                    case "text_projection.weight" -> out.put("text.proj.w", t);
                    case "logit_scale" -> out.put("logit_scale", new Tensor(new long[] {}, t.values()));
                    default -> throw unknown(n, "clip");
                }
            }
        }
        return out;
    }

    /**
     * LLaVA's vision tower and projector (transformers before 4.52 write {@code vision_tower.},
     * {@code multi_modal_projector.}; later ones put both under {@code model.}). Decoder tensors are put in
     * {@code decoder} under Llama names ({@code model.layers.N...}, {@code lm_head.weight}).
     */
    static Map<String, Tensor> llava(Map<String, Tensor> raw, Map<String, Tensor> decoder) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : raw.entrySet()) {
            String n = e.getKey();
            Tensor t = e.getValue();
            String s = n.startsWith("model.vision_tower.") || n.startsWith("model.multi_modal_projector.") ? n.substring(6) : n;
            if (s.startsWith("vision_tower.vision_model.")) {
                clipVision(n, s.substring("vision_tower.vision_model.".length()), t, out);
            } else if (s.startsWith("multi_modal_projector.linear_")) {
                String rest = s.substring("multi_modal_projector.linear_".length());
                switch (rest) {
                    case "1.weight" -> out.put("projector.1.w", t);
                    case "1.bias" -> out.put("projector.1.b", t);
                    case "2.weight" -> out.put("projector.2.w", t);
                    case "2.bias" -> out.put("projector.2.b", t);
                    default -> throw unknown(n, "llava");
                }
            } else if (n.startsWith("language_model.model.")) {
                decoder.put("model." + n.substring("language_model.model.".length()), t);
            } else if (n.equals("language_model.lm_head.weight") || n.equals("lm_head.weight")) {
                decoder.put("lm_head.weight", t);
            } else if (n.startsWith("model.language_model.")) {
                decoder.put("model." + n.substring("model.language_model.".length()), t);
            } else {
                throw unknown(n, "llava");
            }
        }
        return out;
    }

    private static void clipVision(String full, String s, Tensor t, Map<String, Tensor> out) {
        if (layer(full, s, t, "vision.", out)) {
            return;
        }
        switch (s) {
            case "embeddings.class_embedding" -> out.put("vision.cls", t);
            case "embeddings.patch_embedding.weight" -> out.put("vision.patch.w", patchMatrix(t));
            case "embeddings.position_embedding.weight" -> out.put("vision.pos", t);
            case "embeddings.position_ids" -> { } // a buffer of 0..n-1, not a weight
            case "pre_layrnorm.weight" -> out.put("vision.pre_norm.w", t);
            case "pre_layrnorm.bias" -> out.put("vision.pre_norm.b", t);
            case "post_layernorm.weight" -> out.put("vision.norm.w", t);
            case "post_layernorm.bias" -> out.put("vision.norm.b", t);
            default -> throw unknown(full, "clip");
        }
    }

    private static void clipText(String full, String s, Tensor t, Map<String, Tensor> out) {
        if (layer(full, s, t, "text.", out)) {
            return;
        }
        switch (s) {
            case "embeddings.token_embedding.weight" -> out.put("text.embed", t);
            case "embeddings.position_embedding.weight" -> out.put("text.pos", t);
            case "embeddings.position_ids" -> { }
            case "final_layer_norm.weight" -> out.put("text.norm.w", t);
            case "final_layer_norm.bias" -> out.put("text.norm.b", t);
            default -> throw unknown(full, "clip");
        }
    }

    private static boolean layer(String full, String s, Tensor t, String prefix, Map<String, Tensor> out) {
        Matcher m = CLIP_LAYER.matcher(s);
        if (!m.matches()) {
            return false;
        }
        String part = switch (m.group(2)) {
            case "layer_norm1" -> "attn_norm";
            case "self_attn.q_proj" -> "q";
            case "self_attn.k_proj" -> "k";
            case "self_attn.v_proj" -> "v";
            case "self_attn.out_proj" -> "o";
            case "layer_norm2" -> "mlp_norm";
            case "mlp.fc1" -> "up";
            case "mlp.fc2" -> "down";
            default -> throw unknown(full, "clip");
        };
        out.put(VisionNames.layer(prefix, Integer.parseInt(m.group(1)), part) + suffix(m.group(3)), t);
        return true;
    }

    private static String suffix(String hf) {
        return hf.equals("weight") ? ".w" : ".b";
    }

    private static Tensor patchMatrix(Tensor t) {
        if (t.shape().length != 4) {
            throw new IllegalArgumentException("patch embedding weight has shape " + Arrays.toString(t.shape()) + ", not (hidden, channels, p, p)");
        }
        return new Tensor(new long[] {t.shape()[0], t.shape()[1] * t.shape()[2] * t.shape()[3]}, t.values());
    }

    private static Tensor flat(Tensor t) {
        return new Tensor(new long[] {t.values().length}, t.values());
    }

    private static Tensor dropLeadingOne(Tensor t) {
        long[] s = t.shape();
        return s.length == 3 && s[0] == 1 ? new Tensor(new long[] {s[1], s[2]}, t.values()) : t;
    }

    private static IllegalArgumentException unknown(String name, String layout) {
        return new IllegalArgumentException("unknown tensor '" + name + "' in a " + layout + " checkpoint");
    }
}
