package org.tinytitans.engine.report;

import org.tinytitans.engine.figures.Figures;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Horizontal bar charts as inline SVG, one row per item so that deep networks stay readable:
 * layer widths (the pruned width drawn over the original) and energy per phase (with its uncertainty band).
 */
public final class SvgBars {
    private static final int WIDTH = 640;
    private static final int LABEL = 150;
    private static final int VALUE = 110;
    private static final int ROW = 16;
    private static final int TOP = 30;

    private SvgBars() {}

    /** A row: {@code value} is the full bar, {@code inner} (nullable) is drawn over it; low/high draw a whisker. */
    public record Bar(String label, double value, Double inner, Double low, Double high, String text) {}

    /** Layer widths: the grey bar is the width before pruning, the blue bar over it the width after. */
    public static String widths(String title, List<LayerWidth> layers) {
        List<Bar> bars = layers.stream().map(l -> new Bar(l.name(), l.before(), (double) l.after(), null, null,
                l.after() + " / " + l.before())).toList();
        return render(title, bars, "before", "after", v -> Figures.fixed(v, 0));
    }

    /** Energy per phase in Wh, with a whisker from low to high where the result gives a band. */
    public static String energy(String title, List<EnergyPhase> phases) {
        List<Bar> bars = phases.stream().map(p -> new Bar(p.phase(), p.wh(), null, p.lowWh(), p.highWh(),
                Figures.num(p.wh()) + " Wh")).toList();
        return render(title, bars, "Wh", null, v -> Figures.num(v));
    }

    static String render(String title, List<Bar> bars, String outerLegend, String innerLegend, DoubleFunction<String> fmt) {
        double max = 0;
        for (Bar b : bars) {
            max = Math.max(max, b.value());
            if (b.high() != null) max = Math.max(max, b.high());
        }
        if (max <= 0) max = 1;
        int plotW = WIDTH - LABEL - VALUE;
        int height = TOP + bars.size() * ROW + 28;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot bars\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Xml.esc(title)).append("\">\n<title>").append(Xml.esc(title))
                .append("</title>\n<text class=\"plot-title\" x=\"0\" y=\"16\">").append(Xml.esc(title)).append("</text>\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double y = TOP + i * ROW;
            s.append("<text class=\"bar-label\" x=\"").append(LABEL - 6).append("\" y=\"").append(Xml.c(y + 11))
                    .append("\" text-anchor=\"end\">").append(Xml.esc(b.label())).append("</text>\n");
            double w = b.value() / max * plotW;
            s.append("<rect class=\"bar").append(b.inner() != null ? " before" : "").append("\" x=\"").append(LABEL)
                    .append("\" y=\"").append(Xml.c(y + 2)).append("\" width=\"").append(Xml.c(w)).append("\" height=\"")
                    .append(ROW - 4).append("\" fill=\"").append(b.inner() != null ? "#ced4da" : "#2f9e44").append("\"/>\n");
            if (b.inner() != null) {
                s.append("<rect class=\"bar after\" x=\"").append(LABEL).append("\" y=\"").append(Xml.c(y + 4))
                        .append("\" width=\"").append(Xml.c(b.inner() / max * plotW)).append("\" height=\"").append(ROW - 8)
                        .append("\" fill=\"#1c7ed6\"/>\n");
            }
            if (b.low() != null && b.high() != null) {
                double x1 = LABEL + b.low() / max * plotW;
                double x2 = LABEL + b.high() / max * plotW;
                double ym = y + ROW / 2.0;
                s.append("<path class=\"whisker\" stroke=\"#212529\" stroke-width=\"1\" fill=\"none\" d=\"M").append(Xml.c(x1))
                        .append(' ').append(Xml.c(ym)).append(" H").append(Xml.c(x2)).append(" M").append(Xml.c(x1)).append(' ')
                        .append(Xml.c(ym - 4)).append(" V").append(Xml.c(ym + 4)).append(" M").append(Xml.c(x2)).append(' ')
                        .append(Xml.c(ym - 4)).append(" V").append(Xml.c(ym + 4)).append("\"/>\n");
            }
            s.append("<text class=\"bar-value\" x=\"").append(LABEL + plotW + 6).append("\" y=\"").append(Xml.c(y + 11))
                    .append("\">").append(Xml.esc(b.text())).append("</text>\n");
        }
        double axisY = TOP + bars.size() * ROW + 2;
        s.append("<line class=\"axis\" x1=\"").append(LABEL).append("\" y1=\"").append(Xml.c(axisY)).append("\" x2=\"")
                .append(LABEL + plotW).append("\" y2=\"").append(Xml.c(axisY)).append("\" stroke=\"#495057\"/>\n");
        s.append("<text x=\"").append(LABEL).append("\" y=\"").append(Xml.c(axisY + 14)).append("\">0</text>\n");
        s.append("<text x=\"").append(LABEL + plotW).append("\" y=\"").append(Xml.c(axisY + 14))
                .append("\" text-anchor=\"end\">").append(Xml.esc(fmt.apply(max))).append("</text>\n");
        if (innerLegend != null) {
            s.append("<rect x=\"").append(LABEL + 40).append("\" y=\"").append(Xml.c(axisY + 5)).append("\" width=\"10\" height=\"10\" fill=\"#ced4da\"/>")
                    .append("<text x=\"").append(LABEL + 54).append("\" y=\"").append(Xml.c(axisY + 14)).append("\">")
                    .append(Xml.esc(outerLegend)).append("</text>\n");
            s.append("<rect x=\"").append(LABEL + 110).append("\" y=\"").append(Xml.c(axisY + 5)).append("\" width=\"10\" height=\"10\" fill=\"#1c7ed6\"/>")
                    .append("<text x=\"").append(LABEL + 124).append("\" y=\"").append(Xml.c(axisY + 14)).append("\">")
                    .append(Xml.esc(innerLegend)).append("</text>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }
}
