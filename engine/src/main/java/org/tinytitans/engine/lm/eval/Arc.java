package org.tinytitans.engine.lm.eval;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * ARC-Easy / ARC-Challenge. Reads the Hugging Face rows ({@code question}, {@code choices{text,label}},
 * {@code answerKey}) and AI2's original ones ({@code question{stem, choices[{text,label}]}}, {@code answerKey}).
 * Context "Question: ...\nAnswer:", each option scored after a space, as in the harness.
 */
final class Arc {
    private Arc() {}

    static Question parse(JsonObject j) {
        String stem;
        List<String> texts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (j.has("question") && j.get("question").isJsonObject()) {
            JsonObject q = j.getAsJsonObject("question");
            stem = Fields.text(q, "stem");
            for (JsonElement c : Fields.array(q, "choices")) {
                if (!c.isJsonObject()) {
                    throw new IllegalArgumentException("field 'choices' must be a list of {text, label} objects");
                }
                texts.add(Fields.text(c.getAsJsonObject(), "text"));
                labels.add(Fields.text(c.getAsJsonObject(), "label"));
            }
        } else {
            stem = Fields.text(j, "question");
            JsonObject c = Fields.object(j, "choices");
            texts.addAll(Fields.texts(c, "text"));
            labels.addAll(Fields.texts(c, "label"));
        }
        if (texts.size() != labels.size()) {
            throw new IllegalArgumentException("choices has " + texts.size() + " texts but " + labels.size() + " labels");
        }
        String key = Fields.text(j, "answerKey").trim();
        int gold = labels.indexOf(key);
        if (gold < 0) {
            throw new IllegalArgumentException("answerKey '" + key + "' is not one of the labels " + labels);
        }
        String context = "Question: " + stem + "\nAnswer:";
        List<Choice> choices = new ArrayList<>();
        for (String t : texts) {
            choices.add(new Choice(context, " " + t, t));
        }
        return new Question(choices, gold);
    }
}
