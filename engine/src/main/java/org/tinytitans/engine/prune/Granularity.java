package org.tinytitans.engine.prune;

/** What a prune step removes. */
public enum Granularity {
    FILTERS, LAYERS, WEIGHTS;

    public static Granularity parse(String s) {
        for (Granularity g : values()) {
            if (g.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown granularity '" + s + "'; use filters, layers or weights");
    }
}
