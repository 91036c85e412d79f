package org.tinytitans.server.jobs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** One line of the job protocol (docs/events.md): its kind and its fields. */
public record JobEvent(String kind, JsonObject fields) {

    public String string(String key) {
        JsonElement e = fields.get(key);
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    public Integer integer(String key) {
        JsonElement e = fields.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) return null;
        return e.getAsInt();
    }

    public Double number(String key) {
        JsonElement e = fields.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) return null;
        return e.getAsDouble();
    }

    public boolean bool(String key) {
        JsonElement e = fields.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }
}
