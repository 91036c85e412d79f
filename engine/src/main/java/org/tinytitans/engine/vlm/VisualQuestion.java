package org.tinytitans.engine.vlm;

import java.util.List;

/**
 * One ScienceQA-style multiple-choice question about an image: the image reference as the question file
 * gives it, the question, the options and the index of the right one. The model sees {@link #prompt()} (the
 * image first, then the question and the lettered options, as LLaVA's ScienceQA prompts put them) and each
 * option is scored by the log-likelihood of {@link #continuation(int)}, the option's text after
 * {@code "Answer:"}, as the zero-shot LM tasks score theirs.
 *
 * @param line the line of the question file (1-based), for messages
 */
public record VisualQuestion(String image, String question, List<String> choices, int answer, int line) {
    public static final String IMAGE = "<image>";

    public VisualQuestion {
        choices = List.copyOf(choices);
        if (choices.size() < 2 || choices.size() > 26) {
            throw new IllegalArgumentException("a question needs 2 to 26 choices, not " + choices.size());
        }
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("answer " + answer + " is not an index into the " + choices.size() + " choices");
        }
    }

    /** {@code <image>\nQUESTION (A) c0 (B) c1 ...\nAnswer:} */
    public String prompt() {
        StringBuilder b = new StringBuilder(IMAGE).append('\n').append(question);
        for (int i = 0; i < choices.size(); i++) {
            b.append(" (").append((char) ('A' + i)).append(") ").append(choices.get(i));
        }
        return b.append("\nAnswer:").toString();
    }

    /** What option {@code i} adds after the prompt. */
    public String continuation(int i) {
        return " " + choices.get(i);
    }
}
