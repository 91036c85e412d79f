package org.tinytitans.language.resolve;

import org.tinytitans.language.ast.Range;
import org.tinytitans.language.catalog.Quantity;

/**
 * {@code expect METRIC [drop] OP VALUE}. op is one of <=, <, >=, >. text is the line as written
 * (after `expect`), range the whole line.
 */
public record ExpectSpec(String metric, boolean drop, String op, Quantity value, String text, Range range) {
    /** Whether {@code actual} satisfies op against {@code bound} (both in the same unit). */
    public boolean holds(double actual, double bound) {
        return switch (op) {
            case "<=" -> actual <= bound;
            case "<" -> actual < bound;
            case ">=" -> actual >= bound;
            case ">" -> actual > bound;
            default -> false;
        };
    }
}
