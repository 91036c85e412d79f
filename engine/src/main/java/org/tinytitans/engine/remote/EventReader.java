package org.tinytitans.engine.remote;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a job's event stream (docs/events.md): one JSON object per line. Unknown events, unknown fields and
 * lines that are not JSON objects are skipped (counted in {@link #skipped()}), so newer jobs stay readable.
 * A line with a newer protocol version becomes a {@link JobEvent.Failed}: its meaning cannot be trusted.
 * Keeps every event it read and forwards each to a listener as it arrives. Thread-safe.
 */
public final class EventReader {
    public static final int VERSION = 1;

    private final Consumer<JobEvent> listener;
    private final List<JobEvent> events = new ArrayList<>();
    private int skipped;

    public EventReader(Consumer<JobEvent> listener) {
        this.listener = listener == null ? e -> { } : listener;
    }

    /** Parses one line; empty when it is not an event this reader knows. */
    public static Optional<JobEvent> parse(String line) {
        if (line == null || line.isBlank()) return Optional.empty();
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(line);
            if (!e.isJsonObject()) return Optional.empty();
            o = e.getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
        Integer v = integer(o, "v");
        if (v != null && v > VERSION) {
            return Optional.of(new JobEvent.Failed(null, "the job speaks events protocol version " + v
                    + " but this Tiny Titans reads version " + VERSION + ": use matching titans-cli versions", null, null));
        }
        String kind = text(o, "event");
        if (kind == null) return Optional.empty();
        try {
            return Optional.ofNullable(switch (kind) {
                case "started" -> new JobEvent.Started(text(o, "spec"), strings(o, "experiments"), number(o, "pid") == null ? null : number(o, "pid").longValue());
                case "phase" -> new JobEvent.Phase(text(o, "experiment"), text(o, "phase"), text(o, "message"));
                case "progress" -> new JobEvent.Progress(text(o, "experiment"), text(o, "phase"), longOr(o, "done"), longOr(o, "total"), text(o, "detail"));
                case "metric" -> number(o, "value") == null ? null : new JobEvent.Metric(text(o, "experiment"), text(o, "which"),
                        text(o, "name"), number(o, "value").doubleValue(), text(o, "unit"), integer(o, "line"));
                case "expect" -> new JobEvent.Expect(text(o, "experiment"), integer(o, "line"), text(o, "text"),
                        o.has("passed") && o.get("passed").isJsonPrimitive() && o.get("passed").getAsBoolean(), text(o, "actual"));
                case "log" -> new JobEvent.Log(text(o, "level") == null ? "info" : text(o, "level"), text(o, "message"));
                case "result" -> new JobEvent.Result(text(o, "experiment"),
                        o.has("result") && o.get("result").isJsonObject() ? o.getAsJsonObject("result") : new JsonObject());
                case "runtime" -> new JobEvent.Runtime(text(o, "summary"), o.has("runtime") && o.get("runtime").isJsonObject() ? o.getAsJsonObject("runtime") : new JsonObject());
                case "search-trial" -> o.has("trial") && o.get("trial").isJsonObject()
                        ? new JobEvent.SearchTrial(text(o, "experiment"), o.getAsJsonObject("trial"), integer(o, "of")) : null;
                case "failed" -> new JobEvent.Failed(text(o, "experiment"), text(o, "message"), integer(o, "line"), integer(o, "column"));
                case "finished" -> integer(o, "exitCode") == null ? null : new JobEvent.Finished(integer(o, "exitCode"), text(o, "resultFile"));
                default -> null;
            });
        } catch (RuntimeException wrongType) {
            return Optional.empty(); // a known event with a field of the wrong type: skip it rather than guess
        }
    }

    /** Reads one line: records and forwards it when it is an event. */
    public void accept(String line) {
        Optional<JobEvent> e = parse(line);
        synchronized (this) {
            if (e.isEmpty()) {
                if (line != null && !line.isBlank()) skipped++;
                return;
            }
            events.add(e.get());
        }
        listener.accept(e.get());
    }

    /** Reads a whole stream until it ends. */
    public void readAll(InputStream in) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) accept(line);
        }
    }

    public synchronized List<JobEvent> events() {
        return List.copyOf(events);
    }

    public synchronized int skipped() {
        return skipped;
    }

    /** The `finished` events read so far (a Slurm array job has one per task). */
    public synchronized List<JobEvent.Finished> finishes() {
        return events.stream().filter(JobEvent.Finished.class::isInstance).map(JobEvent.Finished.class::cast).toList();
    }

    public synchronized List<JobEvent.Failed> failures() {
        return events.stream().filter(JobEvent.Failed.class::isInstance).map(JobEvent.Failed.class::cast).toList();
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    private static Number number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() ? null : e.getAsNumber();
    }

    private static Integer integer(JsonObject o, String key) {
        Number n = number(o, key);
        return n == null ? null : n.intValue();
    }

    private static long longOr(JsonObject o, String key) {
        Number n = number(o, key);
        return n == null ? 0 : n.longValue();
    }

    private static List<String> strings(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonArray()) return List.of();
        List<String> out = new ArrayList<>();
        for (JsonElement x : (JsonArray) e) if (!x.isJsonNull()) out.add(x.getAsString());
        return List.copyOf(out);
    }
}
