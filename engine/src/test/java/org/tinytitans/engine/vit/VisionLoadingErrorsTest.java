package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.weights.Tensor;

/** A folder that does not hold what its config says is refused with the folder and the tensor named. */
class VisionLoadingErrorsTest {
    @TempDir
    Path tmp;

    private String failure(Path dir) {
        return assertThrows(IOException.class, () -> VisionCheckpoints.load(dir)).getMessage();
    }

    @Test
    void unknownTensorIsNamed() throws IOException {
        VitConfig c = TinyVision.vit();
        Map<String, Tensor> hf = new LinkedHashMap<>(TinyVision.vitTensors(c, 1));
        hf.put("vit.pooler.dense.weight", new Tensor(new long[] {16, 16}, new float[256]));
        TinyVision.write(tmp, c, hf, "F32");
        assertEquals(tmp + ": unknown tensor 'vit.pooler.dense.weight' in a vit checkpoint", failure(tmp));
    }

    @Test
    void shapeThatDisagreesWithTheConfigIsNamed() throws IOException {
        VitConfig c = TinyVision.vit();
        Map<String, Tensor> hf = new LinkedHashMap<>(TinyVision.vitTensors(c, 1));
        hf.put("classifier.weight", new Tensor(new long[] {7, 16}, new float[7 * 16]));
        TinyVision.write(tmp, c, hf, "F32");
        assertTrue(failure(tmp).contains("'head.w' has shape [7, 16], the config implies [5, 16]"), failure(tmp));
    }

    @Test
    void missingLayerIsNamed() throws IOException {
        ClipConfig c = TinyVision.clip();
        Map<String, Tensor> hf = new LinkedHashMap<>(TinyVision.clipTensors(c, 1));
        hf.remove("text_model.encoder.layers.1.mlp.fc2.bias");
        TinyVision.write(tmp, c, hf, "F32");
        assertTrue(failure(tmp).contains("missing 'text.layers.1.down.b'"), failure(tmp));
    }

    @Test
    void unsupportedConfigsSayWhy() throws IOException {
        Files.writeString(tmp.resolve("config.json"), "{\"model_type\": \"siglip\"}");
        assertEquals(tmp.resolve("config.json") + ": model_type 'siglip' is not a vision model; supported: vit, deit, clip, llava", failure(tmp));
        Files.writeString(tmp.resolve("config.json"), "{\"model_type\": \"deit\", \"architectures\": [\"DeiTForImageClassificationWithTeacher\"]}");
        assertTrue(failure(tmp).contains("distilled DeiT"), failure(tmp));
        Files.writeString(tmp.resolve("config.json"), "{\"model_type\": \"llava\", \"vision_feature_layer\": -30}");
        assertTrue(failure(tmp).contains("vision_feature_layer -30 is outside a tower of 12 layers"), failure(tmp));
        assertEquals(tmp.resolve("nothing") + ": not a folder; a vision model is a folder with config.json and model.safetensors",
                failure(tmp.resolve("nothing")));
    }

    @Test
    void llavaHfConfigWithItsSparseTextConfigReadsAsTheZooShape() {
        // llava-hf/llava-1.5-7b-hf's config.json lists only what differs from the config classes' defaults
        String json = "{\"model_type\": \"llava\", \"image_token_index\": 32000, \"projector_hidden_act\": \"gelu\","
                + " \"vision_feature_layer\": -2, \"vision_feature_select_strategy\": \"default\","
                + " \"text_config\": {\"model_type\": \"llama\", \"max_position_embeddings\": 4096, \"rms_norm_eps\": 1e-05,"
                + " \"vocab_size\": 32064},"
                + " \"vision_config\": {\"hidden_size\": 1024, \"image_size\": 336, \"intermediate_size\": 4096,"
                + " \"model_type\": \"clip_vision_model\", \"num_attention_heads\": 16, \"num_hidden_layers\": 24,"
                + " \"patch_size\": 14, \"projection_dim\": 768, \"vocab_size\": 32000}}";
        MultimodalConfig c = MultimodalConfig.fromJson(com.google.gson.JsonParser.parseString(json).getAsJsonObject());
        assertEquals(VisionZoo.shape("llava-1.5-7b").orElseThrow(), c);
        // and every config survives its own config.json
        for (MultimodalConfig z : VisionZoo.all().values()) {
            assertEquals(z, MultimodalConfig.fromJson(z.toJson()));
        }
    }
}
