package org.tinytitans.language.catalog;

import java.util.List;

/**
 * A property of a block.
 *
 * @param type       value type
 * @param unitKind   for QUANTITY: the unit kind expected
 * @param min        smallest allowed value (in base units, fractions as 0..1), or null
 * @param max        largest allowed value, or null
 * @param defaultValue the default as written in a spec, or null when there is none
 * @param choices    for NAME: the allowed names; for FRACTION: keywords written instead of a number (`ratio auto`)
 * @param list       true when the property takes a list (exclude, milestones), not a sweep
 * @param sweepable  true when several values declare a sweep
 */
public record PropertyInfo(String name, String doc, ValueType type, UnitKind unitKind, Double min, Double max,
                           String defaultValue, List<String> choices, boolean list, boolean sweepable) {
    public PropertyInfo {
        choices = List.copyOf(choices);
    }

    /** Human-readable range such as "1..1000" or "0%..99%", or "" when unbounded. */
    public String rangeText() {
        if (min == null && max == null) return "";
        return fmt(min) + ".." + fmt(max);
    }

    private String fmt(Double v) {
        if (v == null) return "";
        if (type == ValueType.FRACTION) return trim(v * 100) + "%";
        return trim(v);
    }

    static String trim(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
