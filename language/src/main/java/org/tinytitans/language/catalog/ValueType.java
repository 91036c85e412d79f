package org.tinytitans.language.catalog;

/** The type of a property's value, as the checker reads it. */
public enum ValueType {
    NAME("one of a fixed set of names"),
    STRING("a double-quoted string"),
    INTEGER("a whole number (K, M, G suffixes allowed)"),
    COUNT_OR_FILE("a whole number, or a file in double quotes"),
    NUMBER("a number"),
    FRACTION("a fraction of the whole: `50%` or `0.5`"),
    LAYER_RATIO("a layer name in double quotes, then `ratio` and a fraction: `\"conv2d_1\" ratio 30%`"),
    QUANTITY("a number with a unit"),
    BOOLEAN("`true` or `false`"),
    PATTERN("an N:M sparsity pattern such as `2:4`"),
    REGION("an ISO 3166 alpha-3 country code (BRA, USA, FRA...) or WORLD");

    private final String doc;

    ValueType(String doc) { this.doc = doc; }

    public String doc() { return doc; }
}
