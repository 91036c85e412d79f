package org.tinytitans.engine.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and reads a result: a result.json, a {@code .titans/<stem>/} folder, or the .prune spec it belongs to. */
public final class ResultReader {
    private ResultReader() {}

    /** The result.json a path stands for; the file need not exist (read() says so). */
    public static Path locate(Path path) {
        if (path.getFileName() != null && path.getFileName().toString().endsWith(".prune") && !Files.isDirectory(path)) {
            String name = path.getFileName().toString();
            String stem = name.substring(0, name.length() - ".prune".length());
            Path parent = path.toAbsolutePath().getParent();
            return parent.resolve(".titans").resolve(stem).resolve("result.json");
        }
        if (Files.isDirectory(path)) {
            return path.resolve("result.json");
        }
        return path;
    }

    public static RunResult read(Path path) {
        Path file = locate(path);
        if (!Files.exists(path)) {
            throw new ReportException(path + ": no such file or folder");
        }
        if (!Files.isRegularFile(file)) {
            throw new ReportException(path + ": no result found (looked for " + file
                    + "; run the spec first with `titans-cli run`)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        Path specCopy = file.toAbsolutePath().getParent().resolve("spec.prune");
        String specText = null;
        if (Files.isRegularFile(specCopy)) {
            try {
                specText = Files.readString(specCopy, StandardCharsets.UTF_8);
            } catch (IOException e) {
                specText = null; // the report is still useful without the spec text
            }
        }
        return parse(text, file, specText);
    }

    /** Parses result.json text; {@code file} only names it in messages and may be null. */
    public static RunResult parse(String text, Path file, String specText) {
        String where = file == null ? "result" : file.toString();
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
            throw new ReportException(where + ": not valid JSON (" + why + ")");
        }
        if (!root.isJsonObject()) {
            throw new ReportException(where + ": not a result document (expected a JSON object)");
        }
        JsonObject o = root.getAsJsonObject();
        String schema = JsonFields.str(o, "schema");
        if (schema != null && !schema.startsWith("titans-result/")) {
            throw new ReportException(where + ": not a Tiny Titans result (schema '" + schema + "')");
        }
        if (schema == null && !o.has("experiments")) {
            throw new ReportException(where + ": not a Tiny Titans result (no schema and no experiments)");
        }
        return RunResult.from(o, file, specText);
    }
}
