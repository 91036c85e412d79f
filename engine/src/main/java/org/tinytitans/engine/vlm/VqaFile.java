package org.tinytitans.engine.vlm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A visual question file: JSON lines, one question per line, blank lines skipped:
 * <pre>
 * {"image": "mnist/test-images-idx3-ubyte.gz#17", "question": "What digit is shown?", "choices": ["3", "7", "1", "9"], "answer": 1}
 * </pre>
 * {@code image} is a path relative to the file's folder: a PNG/JPEG image, or an IDX image file with
 * {@code #N} naming its N-th image (0-based). {@code answer} is the index of the right choice (0-based).
 * Errors name the file, line and column.
 */
public final class VqaFile {
    private VqaFile() {}

    /** The first {@code limit} questions (all when {@code limit <= 0}). */
    public static List<VisualQuestion> read(Path file, int limit) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<VisualQuestion> out = new ArrayList<>();
        for (int i = 0; i < lines.size() && (limit <= 0 || out.size() < limit); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            out.add(parse(file, i + 1, text));
        }
        if (out.isEmpty()) {
            throw new IOException(file + ":1:1: no questions in this file");
        }
        return out;
    }

    static VisualQuestion parse(Path file, int line, String text) throws IOException {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new IOException(at(file, line, text, null) + "a question is a JSON object");
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(at(file, line, text, null) + "not JSON: " + e.getMessage(), e);
        }
        try {
            String image = string(o, "image");
            String question = string(o, "question");
            if (!o.has("choices") || !o.get("choices").isJsonArray()) {
                throw new IllegalArgumentException("missing \"choices\": a list of strings");
            }
            JsonArray a = o.getAsJsonArray("choices");
            List<String> choices = new ArrayList<>();
            for (JsonElement c : a) {
                if (!c.isJsonPrimitive()) {
                    throw new IllegalArgumentException("each choice is a string");
                }
                choices.add(c.getAsString());
            }
            if (!o.has("answer") || !o.get("answer").isJsonPrimitive() || !o.getAsJsonPrimitive("answer").isNumber()) {
                throw new IllegalArgumentException("missing \"answer\": the index of the right choice (0-based)");
            }
            return new VisualQuestion(image, question, choices, o.get("answer").getAsInt(), line);
        } catch (IllegalArgumentException e) {
            throw new IOException(at(file, line, text, keyOf(e.getMessage())) + e.getMessage(), e);
        }
    }

    private static String string(JsonObject o, String key) {
        if (!o.has(key) || !o.get(key).isJsonPrimitive()) {
            throw new IllegalArgumentException("missing \"" + key + "\": a string");
        }
        return o.get(key).getAsString();
    }

    /** The key a message is about, to point the column at it. */
    private static String keyOf(String message) {
        for (String k : new String[] {"image", "question", "choices", "answer"}) {
            if (message.contains("\"" + k + "\"")) {
                return k;
            }
        }
        return message.startsWith("answer") ? "answer" : message.contains("choices") ? "choices" : null;
    }

    /** "file:line:col: " with the column of {@code key}'s name on the line, or 1. */
    static String at(Path file, int line, String text, String key) {
        int col = key == null ? -1 : text.indexOf("\"" + key + "\"");
        return file + ":" + line + ":" + (col < 0 ? 1 : col + 1) + ": ";
    }
}
