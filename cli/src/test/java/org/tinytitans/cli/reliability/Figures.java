package org.tinytitans.cli.reliability;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The suite's figures per check, kept in target/reliability-MODULE.json for tests/e2e/reliability.sh to print,
 * each kind in its own column and never added to another: distinct inputs tried (documents, malformed messages,
 * bad files, fault scenarios), requests sent about them, load events (edits of a load test), and how many of the
 * inputs were injected faults. Written only when a test has passed its assertions, so a figure counts cases that held.
 */
public final class Figures {
    static final Path FILE = Path.of("target", "reliability-cli.json");

    private Figures() {}

    public static synchronized void record(String test, long inputs, long requests, long loadEvents, long faults) {
        try {
            JsonObject all = Files.isRegularFile(FILE) ? JsonParser.parseString(Files.readString(FILE)).getAsJsonObject() : new JsonObject();
            JsonObject one = new JsonObject();
            one.addProperty("inputs", inputs);
            one.addProperty("requests", requests);
            one.addProperty("loadEvents", loadEvents);
            one.addProperty("faults", faults);
            all.add(test, one);
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(FILE, new GsonBuilder().setPrettyPrinting().create().toJson(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
