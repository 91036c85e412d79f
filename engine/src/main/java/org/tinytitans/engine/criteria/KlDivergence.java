package org.tinytitans.engine.criteria;

import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.Progress;

/**
 * CURL-style KL divergence (tutorial's klDivergence): silence a filter (kernel, bias and its BN's gamma, beta,
 * mean, variance: the channel outputs 0) or a whole block's residual branch, then score = mean over samples of
 * KL(q || p) = sum_c q_c (log q_c - log p_c), p = softmax(intact logits), q = softmax(silenced logits).
 *
 * <p>Choice: the tutorial's Keras model ends in a softmax and its code applies softmax again (a double softmax
 * that squeezes every distribution towards uniform). ScoringModel gives logits, so by default this applies one
 * softmax: the KL of the network's real predictive distributions. {@code doubleSoftmax} reproduces the tutorial.
 */
record KlDivergence(Level level, boolean doubleSoftmax) implements Criterion {

    @Override public String name() { return doubleSoftmax ? "kl-divergence-tutorial" : "kl-divergence"; }
    @Override public boolean needsData() { return true; }

    @Override
    public float[][] score(ScoringModel model, ImageSet samples, long seed, Progress progress) {
        return Perturbation.score(level, name(), model, samples, true, ScoringModel.Head.LOGITS, this::meanKl, progress);
    }

    double meanKl(float[] intact, float[] silenced, int n, int k) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] logP = logSoftmax(intact, i * k, k);
            double[] logQ = logSoftmax(silenced, i * k, k);
            double kl = 0;
            for (int c = 0; c < k; c++) {
                kl += Math.exp(logQ[c]) * (logQ[c] - logP[c]);
            }
            total += kl;
        }
        return Math.max(0, total / n);
    }

    private double[] logSoftmax(float[] logits, int offset, int k) {
        double[] x = new double[k];
        for (int c = 0; c < k; c++) {
            x[c] = logits[offset + c];
        }
        double[] out = logSoftmax(x);
        if (doubleSoftmax) {
            for (int c = 0; c < k; c++) {
                out[c] = Math.exp(out[c]);
            }
            out = logSoftmax(out);
        }
        return out;
    }

    static double[] logSoftmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - log;
        }
        return out;
    }
}
