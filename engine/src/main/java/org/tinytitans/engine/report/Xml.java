package org.tinytitans.engine.report;

import java.util.Locale;

/** Escaping for the XHTML-compatible HTML and SVG the reports write (well-formed XML, so it parses anywhere). */
final class Xml {
    private Xml() {}

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // control characters other than tab and newlines are not allowed in XML at all
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') b.append('\uFFFD');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** A coordinate with one decimal, locale-independent. */
    static String c(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
