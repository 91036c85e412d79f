package org.tinytitans.engine.lm.eval;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * PIQA ({@code goal}, {@code sol1}, {@code sol2}, {@code label}). The original release keeps labels in a
 * separate {@code *-labels.lst}; {@link TaskFile} merges that in when the rows carry no label.
 */
final class Piqa {
    private Piqa() {}

    static Question parse(JsonObject j) {
        String context = "Question: " + Fields.text(j, "goal") + "\nAnswer:";
        String a = Fields.text(j, "sol1");
        String b = Fields.text(j, "sol2");
        if (!j.has("label")) {
            throw new IllegalArgumentException("missing field 'label' (and no labels file beside the data file)");
        }
        return new Question(List.of(new Choice(context, " " + a, a), new Choice(context, " " + b, b)), Fields.index(j, "label"));
    }
}
