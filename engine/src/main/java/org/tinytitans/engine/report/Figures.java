package org.tinytitans.engine.report;

import java.util.Locale;

/** Number formatting shared by every report: short, locale-independent, never scientific notation. */
public final class Figures {
    private Figures() {}

    /** 421642 -> "421.64K", 12345678 -> "12.35M", 0.5 -> "0.5". */
    public static String count(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return trim(v / 1e9, 2) + "G";
        if (a >= 1e6) return trim(v / 1e6, 2) + "M";
        if (a >= 1e3) return trim(v / 1e3, 2) + "K";
        return trim(v, 3);
    }

    /** About four significant digits, trailing zeros dropped: 1.23456 -> "1.235", 0.000412 -> "0.000412". */
    public static String num(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e6) return count(v);
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return trim(v, Math.min(decimals, 8));
    }

    /** A fraction as a percentage: 0.9753 -> "97.53%". */
    public static String percent(double fraction) {
        return trim(fraction * 100, 2) + "%";
    }

    /** A signed change: +1.5, -0.25. */
    public static String signed(String formatted, double v) {
        return v > 0 ? "+" + formatted : formatted;
    }

    static String trim(double v, int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        }
        return s.equals("-0") ? "0" : s;
    }

    /** " (low to high)" for a figure's range, or "" when either end is unknown. */
    public static String band(Double low, Double high) {
        return low == null || high == null ? "" : " (" + num(low) + " to " + num(high) + ")";
    }

    /**
     * A measured figure in its unit, the one way every surface (CLI, editor, reports) shows it: a fraction as a
     * percentage ("96.66%"), a count short ("1.12M"), anything else with its unit ("0.688 ms").
     */
    public static String metric(double v, String unit) {
        if (unit == null || unit.isEmpty()) return count(v);
        if (unit.equals("fraction")) return percent(v);
        return num(v) + " " + unit;
    }

    /** Baseline to pruned: fractions (accuracy) in percentage points ("-0.95 points"), the rest relative ("-50.7%"). */
    public static String change(double baseline, double pruned, String unit) {
        if ("fraction".equals(unit)) return signed(trim((pruned - baseline) * 100, 2), pruned - baseline) + " points";
        if (baseline == 0) return "";
        double pct = (pruned / baseline - 1) * 100;
        return signed(trim(pct, 1), pct) + "%";
    }
}
