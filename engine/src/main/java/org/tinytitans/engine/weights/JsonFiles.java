package org.tinytitans.engine.weights;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Config files read as JSON objects, every failure an IOException that names the file. */
public final class JsonFiles {
    private JsonFiles() {}

    /** Reads {@code file} as a JSON object and builds from it; a bad file or a bad build names the file. */
    public static <T> T read(Path file, Function<JsonObject, T> build) throws IOException {
        JsonObject j;
        try {
            j = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a JSON object: " + e.getMessage());
        }
        try {
            return build.apply(j);
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
