package org.tinytitans.engine.report;

import java.util.ArrayList;
import java.util.List;

/** A linear axis: data range padded and widened to round ticks (1, 2, 5 x 10^k), mapped onto pixels. */
record Scale(double min, double max, List<Double> ticks, double from, double to) {

    static Scale of(double lo, double hi, double from, double to) {
        if (!(hi > lo)) {
            // one value (or all equal): give it room on both sides so the point sits mid-axis
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        } else {
            double pad = (hi - lo) * 0.08;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / 5);
        double first = Math.floor(lo / step) * step;
        double last = Math.ceil(hi / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (double t = first; t <= last + step / 2; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return new Scale(first, last, List.copyOf(ticks), from, to);
    }

    private static double niceStep(double raw) {
        double exp = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / exp;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * exp;
    }

    double px(double v) {
        return from + (v - min) / (max - min) * (to - from);
    }
}
