package org.tinytitans.language.catalog;

import java.util.Optional;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.Unit;
import org.tinytitans.language.catalog.UnitKind;

/** A number with its unit as written ("" for none): 50% is (50, "%"), 0.432kg/kWh is (0.432, "kg/kWh"). */
public record Quantity(double value, String unit) {
    /** Splits a NUMBER token's text into value and unit; empty when the number part is not a number. */
    public static Optional<Quantity> parse(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) i++;
        while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) i++;
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E') && i + 1 < n
                && (Character.isDigit(text.charAt(i + 1)) || ((text.charAt(i + 1) == '-' || text.charAt(i + 1) == '+')
                && i + 2 < n && Character.isDigit(text.charAt(i + 2))))) {
            i += 2;
            while (i < n && Character.isDigit(text.charAt(i))) i++;
        }
        try {
            double v = Double.parseDouble(text.substring(0, i));
            if (!Double.isFinite(v)) return Optional.empty();
            return Optional.of(new Quantity(v, text.substring(i)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public boolean hasUnit() {
        return !unit.isEmpty();
    }

    public boolean isPercent() {
        return unit.equals("%");
    }

    /** The unit's kind: NONE without unit, empty for an unknown unit. */
    public Optional<UnitKind> kind() {
        if (unit.isEmpty()) return Optional.of(UnitKind.NONE);
        return Catalog.get().unit(unit).map(Unit::kind);
    }

    /** The value in the kind's base unit (s, Wh, W, g, L, B, fraction for %, plain count for K/M/G). */
    public double base() {
        if (unit.isEmpty()) return value;
        return Catalog.get().unit(unit).map(u -> value * u.factor()).orElse(value);
    }

    @Override
    public String toString() {
        String v = value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
        return v + unit;
    }
}
