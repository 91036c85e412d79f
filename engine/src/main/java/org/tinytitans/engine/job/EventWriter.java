package org.tinytitans.engine.job;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Writes job events (docs/events.md) as JSON lines: to a stream when the caller asked for {@code --events},
 * and always to the run's events.jsonl, flushed per line so a reader follows a live job.
 */
public final class EventWriter implements AutoCloseable {

    public static final int VERSION = 1;
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeSpecialFloatingPointValues().create();

    private final PrintStream stream;
    private BufferedWriter file;

    public EventWriter(PrintStream streamOrNull) {
        this.stream = streamOrNull;
    }

    /** Also append events to this file from now on. */
    public synchronized void alsoTo(Path eventsFile) throws IOException {
        Files.createDirectories(eventsFile.toAbsolutePath().getParent());
        file = Files.newBufferedWriter(eventsFile, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** Starts an event; add fields with {@link Event#with} and send it with {@link Event#emit}. */
    public Event event(String kind) {
        return new Event(kind);
    }

    private synchronized void write(JsonObject o) {
        String line = GSON.toJson(o);
        if (stream != null) {
            stream.println(line);
            stream.flush();
        }
        if (file != null) {
            try {
                file.write(line);
                file.newLine();
                file.flush();
            } catch (IOException e) {
                // A full disk must not kill the job: the stream still carries the events.
                file = null;
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (file != null) {
            file.close();
            file = null;
        }
    }

    public final class Event {
        private final JsonObject o = new JsonObject();

        private Event(String kind) {
            o.addProperty("v", VERSION);
            o.addProperty("event", kind);
            o.addProperty("time", Instant.now().toString());
        }

        public Event with(String key, Object value) {
            if (value == null) {
                o.add(key, com.google.gson.JsonNull.INSTANCE);
            } else if (value instanceof JsonElement j) {
                o.add(key, j);
            } else if (value instanceof Number n) {
                o.addProperty(key, n);
            } else if (value instanceof Boolean b) {
                o.addProperty(key, b);
            } else if (value instanceof String s) {
                o.addProperty(key, s);
            } else {
                o.add(key, GSON.toJsonTree(value));
            }
            return this;
        }

        public void emit() {
            write(o);
        }
    }
}
