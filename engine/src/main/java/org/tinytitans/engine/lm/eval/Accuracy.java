package org.tinytitans.engine.lm.eval;

/**
 * Zero-shot accuracy over {@code n} items: {@code acc} picks the option with the highest summed log-likelihood,
 * {@code accNorm} the highest log-likelihood per byte of the option (lm-evaluation-harness's acc_norm).
 */
public record Accuracy(String task, double acc, double accNorm, int n) {

    /** Standard error of acc as the harness reports it: sqrt(p(1-p)/(n-1)). */
    public double accStderr() {
        return stderr(acc);
    }

    public double accNormStderr() {
        return stderr(accNorm);
    }

    private double stderr(double p) {
        return n > 1 ? Math.sqrt(p * (1 - p) / (n - 1)) : 0;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s: acc %.4f ± %.4f, acc_norm %.4f ± %.4f (%d items)", task, acc, accStderr(),
                accNorm, accNormStderr(), n);
    }
}
