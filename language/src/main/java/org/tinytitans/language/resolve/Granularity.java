package org.tinytitans.language.resolve;

import java.util.Locale;
import java.util.Optional;

/** What a `prune` block removes, as the engine receives it; the catalog's granularity entries use the same keywords. */
public enum Granularity {
    FILTERS, LAYERS, WEIGHTS, NEURONS, HEADS, TOKENS;

    /** The keyword as written in a spec: "filters". */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The granularity a keyword names; empty for anything else (the checker reports it). */
    public static Optional<Granularity> of(String keyword) {
        for (Granularity g : values()) {
            if (g.keyword().equals(keyword)) return Optional.of(g);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return keyword();
    }
}
