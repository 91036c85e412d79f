package org.tinytitans.server.jobs;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * Reads one stdout line of a job. Lines that are not version-1 JSON events are skipped (empty), never fatal:
 * a job may print a stray line, and unknown events are ignored so the protocol can grow.
 */
public final class EventParser {
    public static final int VERSION = 1;

    private EventParser() {}

    public static Optional<JobEvent> parse(String line) {
        if (line == null) return Optional.empty();
        String s = line.strip();
        if (!s.startsWith("{")) return Optional.empty();
        try {
            JsonElement e = JsonParser.parseString(s);
            if (!e.isJsonObject()) return Optional.empty();
            JsonObject o = e.getAsJsonObject();
            JsonElement v = o.get("v");
            JsonElement kind = o.get("event");
            if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber() || v.getAsInt() != VERSION) {
                return Optional.empty();
            }
            if (kind == null || !kind.isJsonPrimitive()) return Optional.empty();
            return Optional.of(new JobEvent(kind.getAsString(), o));
        } catch (JsonParseException | IllegalStateException | NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
