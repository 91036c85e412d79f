package org.tinytitans.engine.vit;

import com.google.gson.JsonObject;

/**
 * A patch-embedding vision transformer: a stride-{@code patchSize} convolution cutting the image into patches,
 * a CLS token, learned position embeddings, an {@link EncoderConfig} stack and a final LayerNorm. The two
 * styles differ in small ways: ViT/DeiT's patch convolution has a bias and its final norm is applied to every
 * token; CLIP's has none, adds a LayerNorm before the encoder ({@code pre_layrnorm}) and norms only the CLS
 * token at the end ({@code post_layernorm}).
 */
public record VisionTower(EncoderConfig encoder, int imageSize, int patchSize, int channels, boolean clipStyle) {

    static final EncoderConfig VIT_DEFAULTS = new EncoderConfig(768, 12, 12, 3072, 1e-12, Act.GELU);
    static final EncoderConfig CLIP_DEFAULTS = new EncoderConfig(768, 12, 12, 3072, 1e-5, Act.QUICK_GELU);

    public VisionTower {
        if (imageSize < 1 || patchSize < 1 || channels < 1 || imageSize % patchSize != 0) {
            throw new IllegalArgumentException("image_size " + imageSize + " is not a positive multiple of patch_size " + patchSize);
        }
    }

    public int hidden() { return encoder.hidden(); }

    /** Patches per image: (image_size / patch_size)². */
    public int patches() {
        int g = imageSize / patchSize;
        return g * g;
    }

    /** Tokens the encoder sees: the patches and the CLS token. */
    public int tokens() { return patches() + 1; }

    /** Values in one patch: channels × patch_size². */
    public int patchValues() { return channels * patchSize * patchSize; }

    public VisionTower withEncoder(EncoderConfig e) {
        return new VisionTower(e, imageSize, patchSize, channels, clipStyle);
    }

    static VisionTower fromJson(JsonObject j, boolean clip) {
        EncoderConfig e = EncoderConfig.fromJson(j, clip ? CLIP_DEFAULTS : VIT_DEFAULTS);
        return new VisionTower(e, Json.num(j, "image_size", 224), Json.num(j, "patch_size", clip ? 32 : 16),
                Json.num(j, "num_channels", 3), clip);
    }

    JsonObject toJson() {
        JsonObject j = new JsonObject();
        encoder.toJson(j);
        j.addProperty("image_size", imageSize);
        j.addProperty("patch_size", patchSize);
        j.addProperty("num_channels", channels);
        return j;
    }
}
