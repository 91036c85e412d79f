package org.tinytitans.engine.vit;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;

/** The shape of a vision transformer, CLIP or LLaVA-style model, read from a Hugging Face config.json. */
public sealed interface MultimodalConfig permits VitConfig, ClipConfig, LlavaConfig {

    /** The Hugging Face {@code model_type} this config is written with. */
    String modelType();

    JsonObject toJson();

    static MultimodalConfig read(Path file) throws IOException {
        return org.tinytitans.engine.weights.JsonFiles.read(file, MultimodalConfig::fromJson);
    }

    static MultimodalConfig fromJson(JsonObject j) {
        String type = Json.str(j, "model_type", "");
        return switch (type) {
            case "vit", "deit" -> VitConfig.fromJson(j);
            case "clip" -> ClipConfig.fromJson(j);
            case "llava" -> LlavaConfig.fromJson(j);
            default -> throw new IllegalArgumentException("model_type '" + type + "' is not a vision model; supported: vit, deit, clip, llava");
        };
    }
}
