package org.tinytitans.engine.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A scatter plot as inline SVG: one {@code <circle class="point">} per experiment (class "pareto" added for
 * Pareto-optimal ones, in input order), a {@code <rect class="baseline">} per distinct baseline, the Pareto
 * front as a dashed {@code <polyline class="front">}, and a label beside every point. Larger y is drawn higher.
 */
public final class SvgScatter {
    static final int WIDTH = 520;
    static final int HEIGHT = 340;
    private static final int LEFT = 70;
    private static final int RIGHT = 24;
    private static final int TOP = 34;
    private static final int BOTTOM = 52;

    private SvgScatter() {}

    /** A point; baseline points are drawn as squares and are not part of the Pareto front. */
    public record Point(double x, double y, String label, String id, boolean pareto, boolean baseline) {}

    public static String render(String title, String xLabel, String yLabel, List<Point> points,
                                DoubleFunction<String> xFormat, DoubleFunction<String> yFormat) {
        double xLo = points.stream().mapToDouble(Point::x).min().orElse(0);
        double xHi = points.stream().mapToDouble(Point::x).max().orElse(1);
        double yLo = points.stream().mapToDouble(Point::y).min().orElse(0);
        double yHi = points.stream().mapToDouble(Point::y).max().orElse(1);
        Scale xs = Scale.of(xLo, xHi, LEFT, WIDTH - RIGHT);
        Scale ys = Scale.of(yLo, yHi, HEIGHT - BOTTOM, TOP);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot scatter\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(Xml.esc(title)).append("\">\n");
        s.append("<title>").append(Xml.esc(title)).append("</title>\n");
        s.append("<text class=\"plot-title\" x=\"").append(WIDTH / 2).append("\" y=\"18\" text-anchor=\"middle\">")
                .append(Xml.esc(title)).append("</text>\n");
        axes(s, xs, ys, xFormat, yFormat);
        s.append("<text class=\"axis-label\" x=\"").append(Xml.c((LEFT + WIDTH - RIGHT) / 2.0)).append("\" y=\"")
                .append(HEIGHT - 10).append("\" text-anchor=\"middle\">").append(Xml.esc(xLabel)).append("</text>\n");
        s.append("<text class=\"axis-label\" x=\"14\" y=\"").append(Xml.c((TOP + HEIGHT - BOTTOM) / 2.0))
                .append("\" text-anchor=\"middle\" transform=\"rotate(-90 14 ").append(Xml.c((TOP + HEIGHT - BOTTOM) / 2.0))
                .append(")\">").append(Xml.esc(yLabel)).append("</text>\n");
        List<Point> front = new ArrayList<>(points.stream().filter(p -> p.pareto() && !p.baseline()).toList());
        front.sort(Comparator.comparingDouble(Point::x));
        if (front.size() > 1) {
            s.append("<polyline class=\"front\" fill=\"none\" stroke=\"#d9480f\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\" points=\"");
            for (Point p : front) {
                s.append(Xml.c(xs.px(p.x()))).append(',').append(Xml.c(ys.px(p.y()))).append(' ');
            }
            s.setLength(s.length() - 1);
            s.append("\"/>\n");
        }
        for (Point p : points) {
            double cx = xs.px(p.x());
            double cy = ys.px(p.y());
            String tip = p.label() + ": " + xFormat.apply(p.x()) + ", " + yFormat.apply(p.y())
                    + (p.pareto() ? " (Pareto-optimal)" : "");
            if (p.baseline()) {
                s.append("<rect class=\"baseline\" x=\"").append(Xml.c(cx - 5)).append("\" y=\"").append(Xml.c(cy - 5))
                        .append("\" width=\"10\" height=\"10\" fill=\"#868e96\"><title>").append(Xml.esc(tip)).append("</title></rect>\n");
            } else {
                s.append("<circle class=\"point").append(p.pareto() ? " pareto" : "").append("\" data-id=\"").append(Xml.esc(p.id()))
                        .append("\" cx=\"").append(Xml.c(cx)).append("\" cy=\"").append(Xml.c(cy)).append("\" r=\"")
                        .append(p.pareto() ? "6" : "4.5").append("\" fill=\"").append(p.pareto() ? "#d9480f" : "#ffffff")
                        .append("\" stroke=\"").append(p.pareto() ? "#d9480f" : "#364fc7").append("\" stroke-width=\"1.5\"><title>")
                        .append(Xml.esc(tip)).append("</title></circle>\n");
            }
            // labels go right of the point, or left of it near the right edge
            boolean left = cx > WIDTH - RIGHT - 80;
            s.append("<text class=\"point-label\" x=\"").append(Xml.c(left ? cx - 8 : cx + 8)).append("\" y=\"")
                    .append(Xml.c(cy - 6)).append("\"").append(left ? " text-anchor=\"end\"" : "").append('>')
                    .append(Xml.esc(p.label())).append("</text>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    static void axes(StringBuilder s, Scale xs, Scale ys, DoubleFunction<String> xf, DoubleFunction<String> yf) {
        double x0 = xs.from();
        double x1 = xs.to();
        double y0 = ys.from();
        double y1 = ys.to();
        s.append("<g class=\"grid\" stroke=\"#e9ecef\" stroke-width=\"1\">\n");
        for (double t : xs.ticks()) {
            s.append("<line x1=\"").append(Xml.c(xs.px(t))).append("\" y1=\"").append(Xml.c(y0)).append("\" x2=\"")
                    .append(Xml.c(xs.px(t))).append("\" y2=\"").append(Xml.c(y1)).append("\"/>\n");
        }
        for (double t : ys.ticks()) {
            s.append("<line x1=\"").append(Xml.c(x0)).append("\" y1=\"").append(Xml.c(ys.px(t))).append("\" x2=\"")
                    .append(Xml.c(x1)).append("\" y2=\"").append(Xml.c(ys.px(t))).append("\"/>\n");
        }
        s.append("</g>\n<g class=\"axes\" stroke=\"#495057\" stroke-width=\"1\">\n");
        s.append("<line x1=\"").append(Xml.c(x0)).append("\" y1=\"").append(Xml.c(y0)).append("\" x2=\"").append(Xml.c(x1))
                .append("\" y2=\"").append(Xml.c(y0)).append("\"/>\n");
        s.append("<line x1=\"").append(Xml.c(x0)).append("\" y1=\"").append(Xml.c(y0)).append("\" x2=\"").append(Xml.c(x0))
                .append("\" y2=\"").append(Xml.c(y1)).append("\"/>\n</g>\n<g class=\"ticks\">\n");
        for (double t : xs.ticks()) {
            s.append("<text x=\"").append(Xml.c(xs.px(t))).append("\" y=\"").append(Xml.c(y0 + 16))
                    .append("\" text-anchor=\"middle\">").append(Xml.esc(xf.apply(t))).append("</text>\n");
        }
        for (double t : ys.ticks()) {
            s.append("<text x=\"").append(Xml.c(x0 - 6)).append("\" y=\"").append(Xml.c(ys.px(t) + 4))
                    .append("\" text-anchor=\"end\">").append(Xml.esc(yf.apply(t))).append("</text>\n");
        }
        s.append("</g>\n");
    }
}
