package org.tinytitans.engine.job.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What a job left on disk, and the promises about it: only complete JSON files, stray temporaries counted. */
final class JobFiles {
    private JobFiles() {}

    /** Every *.json under dir parses; returns the temporary files found (a SIGKILL mid-write may leave one). */
    static List<Path> assertOnlyCompleteJson(Path dir) throws IOException {
        List<Path> tmp = new ArrayList<>();
        if (!Files.exists(dir)) return tmp;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".tmp")) tmp.add(f);
                if (name.endsWith(".json")) {
                    try {
                        JsonParser.parseString(Files.readString(f)).getAsJsonObject();
                    } catch (RuntimeException e) {
                        fail("half-written or corrupt JSON file " + f + ": " + e.getMessage());
                    }
                }
                if (name.endsWith(".jsonl")) {
                    List<String> lines = Files.readAllLines(f);
                    // every line but a last one cut by a kill is a complete event
                    for (int i = 0; i < lines.size() - 1; i++) JsonParser.parseString(lines.get(i)).getAsJsonObject();
                }
            }
        }
        return tmp;
    }

    static void assertNoTemporaries(Path dir) throws IOException {
        List<Path> tmp = assertOnlyCompleteJson(dir);
        assertTrue(tmp.isEmpty(), "temporary files left behind: " + tmp);
    }

    /** A diagnostic a user can read: non-empty, no stack trace, no bare exception class. */
    static void assertClear(JsonObject failed, String... fragments) {
        String message = failed.get("message").getAsString();
        assertFalse(message.isBlank(), "empty failure message");
        assertFalse(message.contains("\tat ") || message.contains("\n\tat"), "a stack trace in the message: " + message);
        for (String f : fragments) assertTrue(message.contains(f), "expected '" + f + "' in: " + message);
    }

    static JsonObject first(List<JsonObject> events, String kind) {
        return events.stream().filter(e -> e.get("event").getAsString().equals(kind)).findFirst()
                .orElseGet(() -> fail("no '" + kind + "' event in " + events));
    }

    static boolean has(List<JsonObject> events, String kind) {
        return events.stream().anyMatch(e -> e.get("event").getAsString().equals(kind));
    }
}
