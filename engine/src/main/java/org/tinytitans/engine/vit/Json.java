package org.tinytitans.engine.vit;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads config.json keys with the defaults Hugging Face's config classes use when a key is absent. */
final class Json {
    private Json() {}

    static int num(JsonObject j, String key, int fallback) {
        JsonElement e = j.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsInt();
    }

    static int num(JsonObject j, String key) {
        JsonElement e = j.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("config.json has no '" + key + "'");
        }
        return e.getAsInt();
    }

    static double dbl(JsonObject j, String key, double fallback) {
        JsonElement e = j.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsDouble();
    }

    static String str(JsonObject j, String key, String fallback) {
        JsonElement e = j.get(key);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    static JsonObject obj(JsonObject j, String key) {
        JsonElement e = j.get(key);
        if (e == null || e.isJsonNull()) {
            e = j.get(key + "_dict"); // configs written by transformers 4.2x keep text_config_dict/vision_config_dict
        }
        return e == null || e.isJsonNull() ? new JsonObject() : e.getAsJsonObject();
    }
}
