package org.tinytitans.engine.lm.eval;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * HellaSwag ({@code activity_label}, {@code ctx_a}/{@code ctx_b} or {@code ctx}, {@code endings}, {@code label}),
 * prepared as lm-evaluation-harness does: context "label: ctx_a Ctx_b", WikiHow's " [title]" markers turned
 * into sentence breaks and other bracketed markers removed, each ending scored after a space.
 */
final class HellaSwag {
    private HellaSwag() {}

    static Question parse(JsonObject j) {
        String ctx = j.has("ctx_a")
                ? Fields.text(j, "ctx_a") + " " + capitalize(Fields.text(j, "ctx_b", ""))
                : Fields.text(j, "ctx");
        String activity = Fields.text(j, "activity_label", "");
        String query = preprocess(activity.isEmpty() ? ctx : activity + ": " + ctx);
        List<Choice> choices = new ArrayList<>();
        for (String ending : Fields.texts(j, "endings")) {
            String e = preprocess(ending);
            choices.add(new Choice(query, " " + e, e));
        }
        return new Question(choices, Fields.index(j, "label"));
    }

    /** The harness's {@code preprocess}: strip, " [title]" to ". ", drop "[...]", collapse double spaces once. */
    static String preprocess(String text) {
        String t = text.strip();
        t = t.replace(" [title]", ". ");
        t = t.replaceAll("\\[.*?\\]", "");
        return t.replace("  ", " ");
    }

    /** Python's {@code str.capitalize}: first character upper case, the rest lower case. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.offsetByCodePoints(0, 1);
        return s.substring(0, first).toUpperCase(java.util.Locale.ROOT) + s.substring(first).toLowerCase(java.util.Locale.ROOT);
    }
}
