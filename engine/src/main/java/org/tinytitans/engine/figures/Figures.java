package org.tinytitans.engine.figures;

import java.util.Locale;

/**
 * The one number formatter: every figure the CLI, the editor (hover, inlay hints, diagnostics), the job's
 * log lines and the HTML, Markdown and CSV reports show goes through here, so a figure reads the same
 * everywhere. Short, locale-independent, never scientific notation; a fraction (accuracy, sparsity) is a
 * percentage and its change is in points; an estimate or projection carries its range and its method.
 * It imports nothing of the engine, so every package may use it.
 */
public final class Figures {
    private Figures() {}

    /** 421642 -> "421.64K", 12345678 -> "12.35M", 0.5 -> "0.5". */
    public static String count(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return fixed(v / 1e9, 2) + "G";
        if (a >= 1e6) return fixed(v / 1e6, 2) + "M";
        if (a >= 1e3) return fixed(v / 1e3, 2) + "K";
        return fixed(v, 3);
    }

    /** A count in full with thousands separators, for tables where every unit matters: 1742762 -> "1,742,762". */
    public static String whole(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }

    /** About four significant digits, trailing zeros dropped: 1.23456 -> "1.235", 0.000412 -> "0.000412". */
    public static String num(double v) {
        if (v == 0 || !Double.isFinite(v)) return v == 0 ? "0" : String.valueOf(v);
        double a = Math.abs(v);
        if (a >= 1e6) return count(v);
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return fixed(v, Math.min(decimals, 10));
    }

    /** A fraction as a percentage: 0.9753 -> "97.53%". */
    public static String percent(double fraction) {
        return fixed(fraction * 100, 2) + "%";
    }

    /** A difference of two fractions in percentage points: -0.0095 -> "-0.95 points". */
    public static String points(double delta) {
        return signed(fixed(delta * 100, 2), delta) + " points";
    }

    /** A relative change: 0.5 -> "+50%", -0.507 -> "-50.7%". */
    public static String relative(double change) {
        return signed(fixed(change * 100, 1), change) + "%";
    }

    /** A signed change: +1.5, -0.25. */
    public static String signed(String formatted, double v) {
        return v > 0 && !formatted.startsWith("+") ? "+" + formatted : formatted;
    }

    /** v with at most {@code decimals} decimals, trailing zeros dropped. */
    public static String fixed(double v, int decimals) {
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
     * An estimate or projection: the figure in its unit, its range and how it was obtained,
     * "0.021 kWh (0.011 to 0.032), estimated:cpu-time-tdp".
     */
    public static String estimate(double v, Double low, Double high, String unit, String method) {
        return metric(v, unit) + band(low, high) + (method == null || method.isEmpty() ? "" : ", " + method);
    }

    /**
     * A measured figure in its unit: a fraction as a percentage ("96.66%"), a count short ("1.12M"), anything
     * else with its unit ("0.688 ms").
     */
    public static String metric(double v, String unit) {
        if (unit == null || unit.isEmpty()) return count(v);
        if (unit.equals("fraction")) return percent(v);
        return num(v) + " " + unit;
    }

    /** Baseline to pruned: fractions (accuracy) in percentage points ("-0.95 points"), the rest relative ("-50.7%"). */
    public static String change(double baseline, double pruned, String unit) {
        if ("fraction".equals(unit)) return points(pruned - baseline);
        if (baseline == 0) return pruned == 0 ? "0%" : "n/a";
        return relative(pruned / Math.abs(baseline) - Math.signum(baseline));
    }

    /** A low..high pair of counts, or the single count when they agree: "1.2M" or "1.1M..1.3M". */
    public static String countRange(double low, double high) {
        return low == high ? count(low) : count(Math.min(low, high)) + ".." + count(Math.max(low, high));
    }
}
