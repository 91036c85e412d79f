package org.tinytitans.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A plot of several named series as inline SVG, for the search's figures: each series is a {@code <g class="series">}
 * with its points as {@code <circle class="point">} (hollow for {@code hollow} series) and, for {@code line} series,
 * a {@code <polyline>} through them in the given order; an optional dashed horizontal {@code <line class="reference">}
 * (the unpruned baseline) and an optional ringed {@code <circle class="chosen">} (the chosen plan); a legend on the right.
 */
public final class SvgLines {
    static final int WIDTH = 620;
    static final int HEIGHT = 360;
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 34;
    private static final int BOTTOM = 52;
    private static final String[] COLOURS = {"#364fc7", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285", "#c2255c",
        "#5c940d", "#495057", "#1864ab"};

    private SvgLines() {}

    /** A named series; {@code tips} (one per point, or null) become the points' hover titles. */
    public record Series(String name, double[] x, double[] y, List<String> tips, boolean line, boolean hollow) {}

    /** A reference level drawn across the plot, or a marked point. */
    public record Mark(double x, double y, String label) {}

    public static String render(String title, String xLabel, String yLabel, List<Series> series, Double reference,
                                String referenceLabel, Mark chosen, DoubleFunction<String> xFormat, DoubleFunction<String> yFormat) {
        double xLo = Double.POSITIVE_INFINITY, xHi = Double.NEGATIVE_INFINITY, yLo = Double.POSITIVE_INFINITY, yHi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.x()[i]) || !Double.isFinite(s.y()[i])) continue;
                xLo = Math.min(xLo, s.x()[i]);
                xHi = Math.max(xHi, s.x()[i]);
                yLo = Math.min(yLo, s.y()[i]);
                yHi = Math.max(yHi, s.y()[i]);
            }
        }
        if (reference != null) {
            yLo = Math.min(yLo, reference);
            yHi = Math.max(yHi, reference);
        }
        if (xLo > xHi) {
            xLo = 0;
            xHi = 1;
        }
        if (yLo > yHi) {
            yLo = 0;
            yHi = 1;
        }
        Scale xs = Scale.of(xLo, xHi, LEFT, WIDTH - RIGHT);
        Scale ys = Scale.of(yLo, yHi, HEIGHT - BOTTOM, TOP);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot lines\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(Xml.esc(title)).append("\">\n<title>").append(Xml.esc(title)).append("</title>\n");
        s.append("<text class=\"plot-title\" x=\"").append(Xml.c((LEFT + WIDTH - RIGHT) / 2.0)).append("\" y=\"18\" text-anchor=\"middle\">")
                .append(Xml.esc(title)).append("</text>\n");
        SvgScatter.axes(s, xs, ys, xFormat, yFormat);
        double midY = (TOP + HEIGHT - BOTTOM) / 2.0;
        s.append("<text class=\"axis-label\" x=\"").append(Xml.c((LEFT + WIDTH - RIGHT) / 2.0)).append("\" y=\"").append(HEIGHT - 10)
                .append("\" text-anchor=\"middle\">").append(Xml.esc(xLabel)).append("</text>\n");
        s.append("<text class=\"axis-label\" x=\"14\" y=\"").append(Xml.c(midY)).append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ")
                .append(Xml.c(midY)).append(")\">").append(Xml.esc(yLabel)).append("</text>\n");
        if (reference != null) {
            s.append("<line class=\"reference\" x1=\"").append(Xml.c(xs.from())).append("\" x2=\"").append(Xml.c(xs.to())).append("\" y1=\"")
                    .append(Xml.c(ys.px(reference))).append("\" y2=\"").append(Xml.c(ys.px(reference)))
                    .append("\" stroke=\"#868e96\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"><title>").append(Xml.esc(referenceLabel))
                    .append("</title></line>\n");
        }
        for (int k = 0; k < series.size(); k++) {
            Series ser = series.get(k);
            String colour = COLOURS[k % COLOURS.length];
            s.append("<g class=\"series\" data-name=\"").append(Xml.esc(ser.name())).append("\">\n");
            if (ser.line() && ser.x().length > 1) {
                s.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"");
                List<String> pts = new ArrayList<>();
                for (int i = 0; i < ser.x().length; i++) {
                    if (Double.isFinite(ser.x()[i]) && Double.isFinite(ser.y()[i])) {
                        pts.add(Xml.c(xs.px(ser.x()[i])) + "," + Xml.c(ys.px(ser.y()[i])));
                    }
                }
                s.append(String.join(" ", pts)).append("\"/>\n");
            }
            for (int i = 0; i < ser.x().length; i++) {
                if (!Double.isFinite(ser.x()[i]) || !Double.isFinite(ser.y()[i])) continue;
                String tip = ser.tips() != null ? ser.tips().get(i)
                        : ser.name() + ": " + xFormat.apply(ser.x()[i]) + ", " + yFormat.apply(ser.y()[i]);
                s.append("<circle class=\"point\" cx=\"").append(Xml.c(xs.px(ser.x()[i]))).append("\" cy=\"").append(Xml.c(ys.px(ser.y()[i])))
                        .append("\" r=\"3.5\" fill=\"").append(ser.hollow() ? "#ffffff" : colour).append("\" stroke=\"").append(colour)
                        .append("\" stroke-width=\"1.5\"><title>").append(Xml.esc(tip)).append("</title></circle>\n");
            }
            s.append("</g>\n");
            double ly = TOP + 6 + 16 * k;
            s.append("<circle class=\"legend-mark\" cx=\"").append(WIDTH - RIGHT + 16).append("\" cy=\"").append(Xml.c(ly))
                    .append("\" r=\"4\" fill=\"").append(ser.hollow() ? "#ffffff" : colour).append("\" stroke=\"").append(colour)
                    .append("\"/>\n<text class=\"legend\" x=\"").append(WIDTH - RIGHT + 26).append("\" y=\"").append(Xml.c(ly + 4)).append("\">")
                    .append(Xml.esc(ser.name())).append("</text>\n");
        }
        if (chosen != null) {
            s.append("<circle class=\"chosen\" cx=\"").append(Xml.c(xs.px(chosen.x()))).append("\" cy=\"").append(Xml.c(ys.px(chosen.y())))
                    .append("\" r=\"9\" fill=\"none\" stroke=\"#c92a2a\" stroke-width=\"2.5\"><title>").append(Xml.esc(chosen.label()))
                    .append("</title></circle>\n<text class=\"point-label\" x=\"").append(Xml.c(xs.px(chosen.x()) + 11)).append("\" y=\"")
                    .append(Xml.c(ys.px(chosen.y()) - 9)).append("\">").append(Xml.esc(chosen.label())).append("</text>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }
}
