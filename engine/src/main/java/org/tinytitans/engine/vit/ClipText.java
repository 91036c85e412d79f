package org.tinytitans.engine.vit;

import com.google.gson.JsonObject;

/**
 * CLIP's text tower: token and position embeddings, a causal {@link EncoderConfig} stack and a final LayerNorm;
 * the prompt's embedding is the hidden state at its end-of-text token. Hugging Face finds that token by the
 * largest id when {@code eos_token_id} is the legacy 2 (OpenAI's vocabulary ends with it), else by the id.
 */
public record ClipText(EncoderConfig encoder, int vocab, int maxPositions, int eosTokenId) {

    static final EncoderConfig DEFAULTS = new EncoderConfig(512, 12, 8, 2048, 1e-5, Act.QUICK_GELU);

    public ClipText {
        if (vocab < 1 || maxPositions < 1) {
            throw new IllegalArgumentException("text tower has a non-positive size: " + this);
        }
    }

    public int hidden() { return encoder.hidden(); }

    /** Index of the pooled (end-of-text) token of {@code ids}. */
    public int eosIndex(long[] ids) {
        int best = 0;
        for (int i = 0; i < ids.length; i++) {
            if (eosTokenId == 2 ? ids[i] > ids[best] : ids[i] == eosTokenId) {
                best = i;
                if (eosTokenId != 2) {
                    return i;
                }
            }
        }
        if (eosTokenId != 2) {
            throw new IllegalArgumentException("prompt has no end-of-text token " + eosTokenId);
        }
        return best;
    }

    static ClipText fromJson(JsonObject j) {
        return new ClipText(EncoderConfig.fromJson(j, DEFAULTS), Json.num(j, "vocab_size", 49408),
                Json.num(j, "max_position_embeddings", 77), Json.num(j, "eos_token_id", 2));
    }

    JsonObject toJson() {
        JsonObject j = new JsonObject();
        encoder.toJson(j);
        j.addProperty("model_type", "clip_text_model");
        j.addProperty("vocab_size", vocab);
        j.addProperty("max_position_embeddings", maxPositions);
        j.addProperty("eos_token_id", eosTokenId);
        return j;
    }
}
