package org.tinytitans.engine.lm.eval;

import java.util.List;

/** A multiple-choice item: the options and the index of the right one. */
public record Question(List<Choice> choices, int gold) {

    public Question {
        choices = List.copyOf(choices);
        if (choices.size() < 2) {
            throw new IllegalArgumentException("an item needs at least two options, got " + choices.size());
        }
        if (gold < 0 || gold >= choices.size()) {
            throw new IllegalArgumentException("the answer index " + gold + " is not one of the " + choices.size() + " options");
        }
    }
}
