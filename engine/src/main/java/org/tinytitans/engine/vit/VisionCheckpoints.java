package org.tinytitans.engine.vit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.lm.model.ByteTokenizer;
import org.tinytitans.engine.lm.model.HfCheckpoint;
import org.tinytitans.engine.lm.model.HfTokenizer;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.LmTokenizer;
import org.tinytitans.engine.weights.Safetensors;
import org.tinytitans.engine.weights.Tensor;

/**
 * Loads a Hugging Face folder of a ViT/DeiT classifier, a CLIP model or a LLaVA model: config.json and
 * model.safetensors or the shards of model.safetensors.index.json, read by the engine's own safetensors reader
 * (F16 and BF16 widened to float32; a BF16 NDArray aborts the JVM under DJL 0.36).
 */
public final class VisionCheckpoints {
    private VisionCheckpoints() {}

    public static MultimodalModel load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": not a folder; a vision model is a folder with config.json and model.safetensors");
        }
        Path configFile = dir.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new IOException(dir + ": no config.json");
        }
        MultimodalConfig config = MultimodalConfig.read(configFile);
        Map<String, Tensor> raw = new LinkedHashMap<>();
        for (Path file : HfCheckpoint.weightFiles(dir)) {
            raw.putAll(Safetensors.read(file));
        }
        try {
            if (config instanceof VitConfig c) {
                return new VitModel(c, HfVisionNames.vit(raw));
            }
            if (config instanceof ClipConfig c) {
                return new ClipModel(c, HfVisionNames.clip(raw));
            }
            LlavaConfig c = (LlavaConfig) config;
            Map<String, Tensor> llama = new LinkedHashMap<>();
            Map<String, Tensor> vision = HfVisionNames.llava(raw, llama);
            Map<String, Tensor> decoderWeights = HfCheckpoint.fromLlama(llama);
            Path tok = dir.resolve("tokenizer.json");
            LmTokenizer tokenizer = Files.isRegularFile(tok) ? HfTokenizer.load(tok) : new ByteTokenizer();
            LanguageModel decoder = new LanguageModel(c.text(), decoderWeights, tokenizer, Files.isRegularFile(tok) ? tok : null);
            return new LlavaModel(c, vision, decoder);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a ViT classifier as a Hugging Face folder that {@link #load} and transformers'
     * {@code ViTForImageClassification.from_pretrained} read: config.json and an F32 model.safetensors.
     */
    public static void saveVit(VitConfig config, Map<String, Tensor> weights, Path dir) throws IOException {
        ShapeCheck.check(config, weights);
        Files.createDirectories(dir);
        com.google.gson.JsonObject j = config.toJson();
        com.google.gson.JsonArray arch = new com.google.gson.JsonArray();
        arch.add("ViTForImageClassification");
        j.add("architectures", arch);
        org.tinytitans.engine.files.AtomicFiles.writeString(dir.resolve("config.json"),
                new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(j) + "\n");
        Safetensors.write(dir.resolve("model.safetensors"), HfVisionNames.toVit(config, weights));
    }

    /** True when {@code dir} has a config.json of a supported vision layout. */
    public static boolean isVisionModel(Path dir) {
        try {
            MultimodalConfig.read(dir.resolve("config.json"));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
