package org.tinytitans.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;

/** The JSON shape of {@code check --json}: one object per finding, 1-based positions. */
final class DiagnosticJson {

    private DiagnosticJson() {}

    static String toJson(List<FileFinding> findings) {
        JsonArray array = new JsonArray();
        for (FileFinding f : findings) {
            var d = f.diagnostic();
            JsonObject o = new JsonObject();
            o.addProperty("file", f.file());
            o.addProperty("line", d.range().start().line() + 1);
            o.addProperty("column", d.range().start().column() + 1);
            o.addProperty("endLine", d.range().end().line() + 1);
            o.addProperty("endColumn", d.range().end().column() + 1);
            o.addProperty("severity", d.severity().name().toLowerCase(Locale.ROOT));
            o.addProperty("code", d.code());
            o.addProperty("message", d.message());
            array.add(o);
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(array);
    }
}
