package org.tinytitans.engine.lm.model;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A {@code tokenizer.json} run by DJL's Hugging Face tokenizers (native, shipped in the jar, works offline).
 * Special tokens are not added: perplexity and generation see exactly the text's tokens.
 */
public final class HfTokenizer implements LmTokenizer {
    private final HuggingFaceTokenizer tokenizer;

    private HfTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public static HfTokenizer load(Path file) throws IOException {
        // the stream form reads only this file; the Path form would look for a tokenizer_config.json beside it
        try (InputStream in = Files.newInputStream(file)) {
            return new HfTokenizer(HuggingFaceTokenizer.newInstance(in, Map.of("addSpecialTokens", "false")));
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a tokenizer the Hugging Face library can read: " + e.getMessage(), e);
        }
    }

    @Override
    public long[] encode(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    @Override
    public String decode(long[] ids) {
        return tokenizer.decode(ids);
    }

    @Override
    public String kind() { return "tokenizer.json"; }
}
