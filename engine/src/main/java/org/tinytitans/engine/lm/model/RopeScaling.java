package org.tinytitans.engine.lm.model;

import com.google.gson.JsonObject;

/**
 * Llama 3's rotary frequency rescaling ({@code "rope_type": "llama3"}): long wavelengths are divided by
 * {@code factor}, short ones kept, the band between blended. It changes the frequencies at every position, so a
 * Llama 3 checkpoint is only reproduced with it.
 */
public record RopeScaling(double factor, double lowFreqFactor, double highFreqFactor, int originalContext) {

    static RopeScaling fromJson(JsonObject j) {
        String type = j.has("rope_type") ? j.get("rope_type").getAsString() : j.has("type") ? j.get("type").getAsString() : "";
        if (!type.equals("llama3")) {
            throw new IllegalArgumentException("rope_scaling type '" + type + "' is not supported (only llama3)");
        }
        return new RopeScaling(j.get("factor").getAsDouble(), j.get("low_freq_factor").getAsDouble(),
                j.get("high_freq_factor").getAsDouble(), j.get("original_max_position_embeddings").getAsInt());
    }

    JsonObject toJson() {
        JsonObject j = new JsonObject();
        j.addProperty("rope_type", "llama3");
        j.addProperty("factor", factor);
        j.addProperty("low_freq_factor", lowFreqFactor);
        j.addProperty("high_freq_factor", highFreqFactor);
        j.addProperty("original_max_position_embeddings", originalContext);
        return j;
    }

    /** The rescaled frequency, as transformers' {@code _compute_llama3_parameters}. */
    double apply(double freq) {
        double wavelen = 2 * Math.PI / freq;
        double lowWavelen = originalContext / lowFreqFactor;
        double highWavelen = originalContext / highFreqFactor;
        if (wavelen < highWavelen) {
            return freq;
        }
        if (wavelen > lowWavelen) {
            return freq / factor;
        }
        double smooth = (originalContext / wavelen - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
        return (1 - smooth) * freq / factor + smooth * freq;
    }
}
