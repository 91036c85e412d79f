package org.tinytitans.engine.report;

/**
 * Pareto marking for two objectives. A point is Pareto-optimal when no other point is at least as good on
 * both axes and strictly better on one. Points with a missing (NaN) coordinate are never optimal and never
 * dominate; identical points do not dominate each other, so both stay on the front.
 */
public final class Pareto {
    private Pareto() {}

    /**
     * @param cost         the x values (FLOPs, params, latency, carbon)
     * @param costLower    true when a smaller x is better (the usual case)
     * @param quality      the y values (accuracy, perplexity)
     * @param qualityHigher true when a larger y is better (accuracy), false for perplexity
     * @return one flag per point, true for Pareto-optimal points
     */
    public static boolean[] front(double[] cost, boolean costLower, double[] quality, boolean qualityHigher) {
        if (cost.length != quality.length) {
            throw new IllegalArgumentException("cost and quality differ in length: " + cost.length + " vs " + quality.length);
        }
        int n = cost.length;
        // turn both objectives into "smaller is better"
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = costLower ? cost[i] : -cost[i];
            b[i] = qualityHigher ? -quality[i] : quality[i];
        }
        boolean[] optimal = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(a[i]) || Double.isNaN(b[i])) continue;
            boolean dominated = false;
            for (int j = 0; j < n && !dominated; j++) {
                if (j == i || Double.isNaN(a[j]) || Double.isNaN(b[j])) continue;
                dominated = a[j] <= a[i] && b[j] <= b[i] && (a[j] < a[i] || b[j] < b[i]);
            }
            optimal[i] = !dominated;
        }
        return optimal;
    }

    /** Pareto flags of experiments' pruned figures: quality (accuracy or perplexity) against a cost metric. */
    public static boolean[] front(java.util.List<ExperimentResult> experiments, String costKey, String qualityKey) {
        double[] x = new double[experiments.size()];
        double[] y = new double[experiments.size()];
        for (int i = 0; i < x.length; i++) {
            ExperimentResult e = experiments.get(i);
            Double cx = costKey.equals("carbon_g") ? e.prunedCarbonG() : e.pruned().get(costKey);
            Double qy = e.pruned().get(qualityKey);
            x[i] = cx == null || !e.complete() ? Double.NaN : cx;
            y[i] = qy == null || !e.complete() ? Double.NaN : qy;
        }
        return front(x, true, y, !qualityKey.equals("perplexity"));
    }
}
