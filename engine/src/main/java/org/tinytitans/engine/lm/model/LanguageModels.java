package org.tinytitans.engine.lm.model;

import java.io.IOException;
import java.nio.file.Path;

/** The facade the job runner calls: load a language model folder (Hugging Face layout). */
public final class LanguageModels {
    private LanguageModels() {}

    /** Loads config.json + model.safetensors (or shards) + tokenizer.json (else byte-level) from {@code dir}. */
    public static LanguageModel load(Path dir) throws IOException {
        return HfCheckpoint.load(dir);
    }

    /** True when {@code dir} looks like a language-model folder (a config.json naming a supported layout). */
    public static boolean isLanguageModel(Path dir) {
        try {
            LmConfig.read(dir.resolve("config.json"));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
