package org.tinytitans.server.estimates;

import java.util.Locale;

/** Short human figures: 853K, 125.5M, -48%. */
public final class Numbers {
    private Numbers() {}

    public static String count(long n) {
        double a = Math.abs(n);
        if (a >= 1e9) return trim(n / 1e9) + "G";
        if (a >= 1e6) return trim(n / 1e6) + "M";
        if (a >= 1e3) return trim(n / 1e3) + "K";
        return Long.toString(n);
    }

    /** A reduction as a signed percentage: 0.48 -> "-48%". */
    public static String reduction(double fraction) {
        long pct = Math.round(fraction * 100);
        return (pct > 0 ? "-" : pct < 0 ? "+" : "") + Math.abs(pct) + "%";
    }

    static String trim(double v) {
        String s = String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }
}
