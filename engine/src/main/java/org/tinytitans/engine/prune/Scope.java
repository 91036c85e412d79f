package org.tinytitans.engine.prune;

/**
 * How a ratio is applied: to every prunable unit alone, to all their scores ranked together, or as the
 * tutorial's {@code pruneByFilter} does (per-layer first, then random top-up to {@code int(ratio x all conv filters)}).
 */
public enum Scope {
    PER_LAYER, GLOBAL, TUTORIAL;

    /** Parses the spec's spelling: {@code per-layer} or {@code global} (resolved runs always carry one: no default here). */
    public static Scope parse(String s) {
        return switch (String.valueOf(s).trim().toLowerCase(java.util.Locale.ROOT)) {
            case "per-layer", "per_layer", "layer", "local" -> PER_LAYER;
            case "global" -> GLOBAL;
            case "tutorial" -> TUTORIAL;
            default -> throw new IllegalArgumentException("unknown scope '" + s + "'; use per-layer, global or tutorial");
        };
    }
}
