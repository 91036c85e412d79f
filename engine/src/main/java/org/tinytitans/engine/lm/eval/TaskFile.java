package org.tinytitans.engine.lm.eval;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A local task file: JSON Lines (one item a line, as the public releases ship) or one JSON array. Errors name
 * the file and line. PIQA rows without a label take theirs from {@code NAME-labels.lst} beside {@code NAME.jsonl}.
 */
public final class TaskFile {
    private TaskFile() {}

    /** The items read, with the format they were read as. */
    public record Items(TaskFormat format, List<Question> questions) {}

    /** Reads at most {@code limit} items (0 = all); {@code task} as in {@link TaskFormat#named}, null to infer. */
    public static Items read(Path file, String task, int limit) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such task file");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<JsonObject> rows = new ArrayList<>();
        List<Integer> lineOf = new ArrayList<>();
        String all = String.join("\n", lines).strip();
        if (all.startsWith("[")) {
            JsonArray array = parse(file, 1, all).getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                rows.add(object(file, i + 1, array.get(i)));
                lineOf.add(-(i + 1));
            }
        } else {
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    rows.add(object(file, i + 1, parse(file, i + 1, lines.get(i))));
                    lineOf.add(i + 1);
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IOException(file + ": no items");
        }
        TaskFormat format;
        try {
            TaskFormat named = TaskFormat.named(task);
            format = named != null ? named : TaskFormat.infer(rows.get(0));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        int n = limit > 0 ? Math.min(limit, rows.size()) : rows.size();
        if (format == TaskFormat.PIQA) {
            addPiqaLabels(file, rows, n);
        }
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                out.add(format.parse(rows.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where(file, lineOf.get(i)) + ": " + format.id() + " item: " + e.getMessage());
            }
        }
        return new Items(format, out);
    }

    private static void addPiqaLabels(Path file, List<JsonObject> rows, int n) throws IOException {
        if (rows.get(0).has("label")) {
            return;
        }
        String name = file.getFileName().toString();
        Path labels = file.resolveSibling(name.replaceFirst("\\.jsonl?$", "") + "-labels.lst");
        if (!Files.isRegularFile(labels)) {
            return; // Piqa.parse reports the missing label with the line
        }
        List<String> values = Files.readAllLines(labels, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).toList();
        if (values.size() < n) {
            throw new IOException(labels + ": " + values.size() + " labels for " + rows.size() + " items in " + file);
        }
        for (int i = 0; i < n; i++) {
            rows.get(i).add("label", new JsonPrimitive(values.get(i).trim()));
        }
    }

    private static JsonElement parse(Path file, int line, String text) {
        try {
            return JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ":" + line + ": not valid JSON: " + rootMessage(e));
        }
    }

    private static JsonObject object(Path file, int line, JsonElement e) {
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(file + ":" + line + ": expected a JSON object per item");
        }
        return e.getAsJsonObject();
    }

    /** Line numbers for JSON Lines; "item N" (stored negated) for a JSON array. */
    private static String where(Path file, int line) {
        return line > 0 ? file + ":" + line : file + ": item " + (-line);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
