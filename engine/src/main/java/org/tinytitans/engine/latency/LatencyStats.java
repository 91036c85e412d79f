package org.tinytitans.engine.latency;

import java.util.Arrays;

/**
 * Timing summary of one model, all in milliseconds per forward pass of a batch. stddev is the sample standard
 * deviation (n-1); iqr = p75 - p25 (robust against the noisy shared machines); throughput = batch / p50 in
 * samples per second (the median, because the mean is dragged by descheduling outliers).
 */
public record LatencyStats(String model, int runs, int batch, double p50, double p90, double p99, double mean,
                           double min, double max, double stddev, double iqr, double throughput) {

    public static LatencyStats of(String model, double[] millis, int batch) {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no timings for " + model);
        }
        double[] s = millis.clone();
        Arrays.sort(s);
        double mean = 0;
        for (double v : s) {
            mean += v;
        }
        mean /= s.length;
        double var = 0;
        for (double v : s) {
            var += (v - mean) * (v - mean);
        }
        double stddev = s.length > 1 ? Math.sqrt(var / (s.length - 1)) : 0;
        double p50 = Percentiles.sorted(s, 50);
        return new LatencyStats(model, s.length, batch, p50, Percentiles.sorted(s, 90), Percentiles.sorted(s, 99), mean,
                s[0], s[s.length - 1], stddev, Percentiles.sorted(s, 75) - Percentiles.sorted(s, 25),
                p50 > 0 ? batch * 1000.0 / p50 : Double.POSITIVE_INFINITY);
    }
}
