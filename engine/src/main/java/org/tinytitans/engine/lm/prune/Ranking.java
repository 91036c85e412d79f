package org.tinytitans.engine.lm.prune;

import java.util.Arrays;
import java.util.Random;

/** Choosing what to remove from scores: lower score means less important, removed first (the tutorial's rule). */
public final class Ranking {
    private Ranking() {}

    /** Indices of the {@code keep} highest scores, in ascending index order; ties keep the lower index. */
    public static int[] keepHighest(double[] scores, int keep) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
        int[] kept = new int[keep];
        for (int i = 0; i < keep; i++) {
            kept[i] = order[i];
        }
        Arrays.sort(kept);
        return kept;
    }

    /** Uniform random scores, reproducible from the seed. */
    public static double[] random(int n, long seed) {
        Random r = new Random(seed);
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextDouble();
        }
        return s;
    }

    static int[] complement(int n, int[] removed) {
        boolean[] gone = new boolean[n];
        for (int r : removed) {
            gone[r] = true;
        }
        return java.util.stream.IntStream.range(0, n).filter(i -> !gone[i]).toArray();
    }
}
