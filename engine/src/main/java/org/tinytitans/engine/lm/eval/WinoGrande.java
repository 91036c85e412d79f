package org.tinytitans.engine.lm.eval;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * WinoGrande ({@code sentence} with one "_", {@code option1}, {@code option2}, {@code answer} "1"/"2"), with the
 * harness's partial scoring: the options differ in the context (the sentence up to the blank, filled in), and
 * the same continuation (the rest of the sentence) is scored after each. The continuation is common, so
 * acc_norm equals acc here; the harness reports acc only.
 */
final class WinoGrande {
    private WinoGrande() {}

    static Question parse(JsonObject j) {
        String sentence = Fields.text(j, "sentence");
        int blank = sentence.indexOf('_');
        if (blank < 0) {
            throw new IllegalArgumentException("the sentence has no '_' blank: " + sentence);
        }
        String target = sentence.substring(blank + 1).strip();
        String prefix = sentence.substring(0, blank);
        String answer = Fields.text(j, "answer").trim();
        if (!answer.equals("1") && !answer.equals("2")) {
            throw new IllegalArgumentException("field 'answer' must be \"1\" or \"2\", got '" + answer + "'");
        }
        return new Question(List.of(
                new Choice(prefix + Fields.text(j, "option1"), " " + target, target),
                new Choice(prefix + Fields.text(j, "option2"), " " + target, target)),
                Integer.parseInt(answer) - 1);
    }
}
