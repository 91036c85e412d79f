package org.tinytitans.bench;

import java.util.Arrays;

/**
 * Timings of one measured thing, in milliseconds. Percentiles interpolate linearly (numpy's default), so p99 of
 * 200 samples sits between the two largest but one; with fewer samples p99 is close to the maximum.
 */
public record Samples(String name, double[] millis) {

    public Samples {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no samples for " + name);
        }
        millis = millis.clone();
    }

    public int count() { return millis.length; }

    public double p50() { return percentile(50); }

    public double p99() { return percentile(99); }

    public double min() { return Arrays.stream(millis).min().orElseThrow(); }

    public double max() { return Arrays.stream(millis).max().orElseThrow(); }

    public double percentile(double p) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in [0,100], not " + p);
        }
        double[] s = millis.clone();
        Arrays.sort(s);
        double pos = p / 100 * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    /**
     * Median of the round-by-round ratios other[i] / this[i] of two interleaved series (the speed-up of this
     * over other). Pairing cancels the slow phases a shared machine goes through, which hit both of a round.
     */
    public double pairedSpeedupOver(Samples other) {
        if (other.millis.length != millis.length) {
            throw new IllegalArgumentException("paired series differ in length: " + millis.length + " and " + other.millis.length);
        }
        double[] r = new double[millis.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = other.millis[i] / millis[i];
        }
        return new Samples("ratio", r).p50();
    }

    /** This one's median over the other's: below 1 means this one is faster. */
    public double ratioTo(Samples other) { return p50() / other.p50(); }
}
