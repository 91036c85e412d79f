package org.tinytitans.engine.latency;

import java.util.Arrays;

/** Order statistics of timing samples; percentiles interpolate linearly like numpy's default. */
public final class Percentiles {
    private Percentiles() { }

    /** The p-th percentile (0..100) of {@code values}: position p/100*(n-1) in sorted order, interpolated. */
    public static double of(double[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0,100], got " + p);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted(sorted, p);
    }

    static double sorted(double[] sorted, double p) {
        double pos = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
