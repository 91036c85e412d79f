package org.tinytitans.engine.lm.eval;

import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.function.Function;

/** The multiple-choice formats read from local files, with the names the job runner and CLI accept. */
public enum TaskFormat {
    HELLASWAG("hellaswag", HellaSwag::parse),
    ARC("arc", Arc::parse),
    PIQA("piqa", Piqa::parse),
    WINOGRANDE("winogrande", WinoGrande::parse);

    private final String id;
    private final Function<JsonObject, Question> parser;

    TaskFormat(String id, Function<JsonObject, Question> parser) {
        this.id = id;
        this.parser = parser;
    }

    public String id() { return id; }

    public Question parse(JsonObject item) {
        return parser.apply(item);
    }

    /** hellaswag, arc (also arc_easy, arc-challenge, arc-e, arc-c...), piqa, winogrande; null for "auto" or empty. */
    public static TaskFormat named(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("auto")) {
            return null;
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (n.equals("arc") || n.startsWith("arc_")) {
            return ARC;
        }
        for (TaskFormat f : values()) {
            if (f.id.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown zero-shot task '" + name + "'; use hellaswag, arc, piqa, winogrande or auto");
    }

    /** The format an item's fields imply. */
    public static TaskFormat infer(JsonObject item) {
        if (item.has("endings")) {
            return HELLASWAG;
        }
        if (item.has("answerKey")) {
            return ARC;
        }
        if (item.has("sol1")) {
            return PIQA;
        }
        if (item.has("option1")) {
            return WINOGRANDE;
        }
        throw new IllegalArgumentException("cannot tell the task from the fields " + item.keySet()
                + "; expected HellaSwag (endings), ARC (answerKey), PIQA (sol1) or WinoGrande (option1)");
    }
}
