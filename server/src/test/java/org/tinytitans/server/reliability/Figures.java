package org.tinytitans.server.reliability;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The suite's figures (cases tried, faults injected) per test, kept in target/reliability-server.json for
 * tests/e2e/reliability.sh to print. Written only when a test has passed its assertions, so a figure is a
 * count of cases that held.
 */
public final class Figures {
    static final Path FILE = Path.of("target", "reliability-server.json");

    private Figures() {}

    public static synchronized void record(String test, long cases, long faults) {
        try {
            JsonObject all = Files.isRegularFile(FILE) ? JsonParser.parseString(Files.readString(FILE)).getAsJsonObject() : new JsonObject();
            JsonObject one = new JsonObject();
            one.addProperty("cases", cases);
            one.addProperty("faults", faults);
            all.add(test, one);
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(FILE, new GsonBuilder().setPrettyPrinting().create().toJson(all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
