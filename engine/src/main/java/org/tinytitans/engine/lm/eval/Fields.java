package org.tinytitans.engine.lm.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Required-field access on a JSON item, failing with the field's name rather than a Gson exception. */
final class Fields {
    private Fields() {}

    static String text(JsonObject j, String key) {
        JsonElement e = j.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field '" + key + "'");
        }
        if (!e.isJsonPrimitive()) {
            throw new IllegalArgumentException("field '" + key + "' must be a string");
        }
        return e.getAsString();
    }

    static String text(JsonObject j, String key, String fallback) {
        return j.has(key) && !j.get(key).isJsonNull() ? text(j, key) : fallback;
    }

    static JsonObject object(JsonObject j, String key) {
        JsonElement e = j.get(key);
        if (e == null || !e.isJsonObject()) {
            throw new IllegalArgumentException("field '" + key + "' must be an object");
        }
        return e.getAsJsonObject();
    }

    static JsonArray array(JsonObject j, String key) {
        JsonElement e = j.get(key);
        if (e == null || !e.isJsonArray()) {
            throw new IllegalArgumentException("field '" + key + "' must be a list");
        }
        return e.getAsJsonArray();
    }

    static List<String> texts(JsonObject j, String key) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : array(j, key)) {
            if (!e.isJsonPrimitive()) {
                throw new IllegalArgumentException("field '" + key + "' must be a list of strings");
            }
            out.add(e.getAsString());
        }
        return out;
    }

    /** A label given as a number or a numeric string ("2"), as the Hugging Face copies store it. */
    static int index(JsonObject j, String key) {
        String s = text(j, key).trim();
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + key + "' must be a number, got '" + s + "'");
        }
    }
}
