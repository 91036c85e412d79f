package org.tinytitans.engine.vit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tinytitans.engine.lm.model.Layout;
import org.tinytitans.engine.lm.model.LmConfig;

/**
 * The standard shapes by name, so that counts and estimates need no weights. Each is the config.json of the
 * Hugging Face checkpoint named beside it (with that class's defaults for the keys it leaves out).
 */
public final class VisionZoo {
    private static final Map<String, MultimodalConfig> SHAPES = new LinkedHashMap<>();

    static {
        // samples/models/tiny-vit: trained here on the shipped MNIST digits (TrainTinyVit's defaults)
        SHAPES.put("tiny-vit", new VitConfig(new VisionTower(new EncoderConfig(64, 4, 4, 256, 1e-12, Act.GELU), 28, 4, 1, false), 10));
        // google/vit-base-patch16-224: ViT-B/16 fine-tuned on ImageNet-1k
        SHAPES.put("vit-b16", new VitConfig(new VisionTower(new EncoderConfig(768, 12, 12, 3072, 1e-12, Act.GELU), 224, 16, 3, false), 1000));
        // facebook/deit-small-patch16-224 (model_type vit, no distillation token)
        SHAPES.put("deit-s16", new VitConfig(new VisionTower(new EncoderConfig(384, 12, 6, 1536, 1e-12, Act.GELU), 224, 16, 3, false), 1000));
        // openai/clip-vit-base-patch32
        SHAPES.put("clip-vit-b32", new ClipConfig(
                new VisionTower(new EncoderConfig(768, 12, 12, 3072, 1e-5, Act.QUICK_GELU), 224, 32, 3, true),
                new ClipText(new EncoderConfig(512, 12, 8, 2048, 1e-5, Act.QUICK_GELU), 49408, 77, 2), 512, 2.6592));
        // llava-hf/llava-1.5-7b-hf: CLIP ViT-L/14-336, a 2-layer GELU projector, Vicuna-7B v1.5 with 64 added vocabulary rows
        SHAPES.put("llava-1.5-7b", new LlavaConfig(
                new VisionTower(new EncoderConfig(1024, 24, 16, 4096, 1e-5, Act.QUICK_GELU), 336, 14, 3, true),
                new LmConfig(Layout.LLAMA, 32064, 4096, 32, 32, 32, 128, 11008, 4096, 1e-5, 10000.0, false),
                2, Act.GELU, true, 32000, -2, true));
        // samples/models/tiny-vlm: trained here (TrainTinyVlm) on questions about the shipped MNIST digits; the
        // tiny-lm decoder (byte vocabulary) behind a CLIP-style tower and a 2-layer projector
        SHAPES.put("tiny-vlm", new LlavaConfig(
                new VisionTower(new EncoderConfig(64, 4, 4, 128, 1e-5, Act.GELU), 28, 4, 1, true),
                new LmConfig(Layout.LLAMA, 256, 128, 6, 4, 2, 32, 320, 1024, 1e-5, 10000.0, true),
                2, Act.GELU, true, 0, -1, true));
    }

    private VisionZoo() {}

    public static Optional<MultimodalConfig> shape(String name) {
        return Optional.ofNullable(SHAPES.get(name));
    }

    public static Map<String, MultimodalConfig> all() {
        return java.util.Collections.unmodifiableMap(SHAPES);
    }
}
