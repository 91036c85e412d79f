package org.tinytitans.engine.lm.prune;

/**
 * SparseGPT (Frantar and Alistarh, 2023) for one linear layer W (rows = outputs, cols = inputs): prune column
 * by column in OBS fashion, spreading each pruned weight's error over the not-yet-visited columns with the
 * upper Cholesky factor of the damped inverse Hessian H = X^T X. The mask is chosen adaptively every
 * {@code block} columns by w^2 / [H^-1]_jj^2 (unstructured) or inside each group of M columns (N:M).
 * A direct port of the reference {@code SparseGPT.fasterprune} without its lazy-batch speed-up.
 */
public final class SparseGpt {
    private SparseGpt() {}

    /**
     * Prunes {@code w} in place. {@code gram} is X^T X (cols x cols, row-major). For N:M pass {@code keepN} and
     * {@code groupM} (&gt; 0) and any sparsity; otherwise {@code sparsity} of each block is zeroed.
     */
    public static void prune(float[] w, int rows, int cols, double[] gram, double sparsity, int keepN, int groupM, int block, double damp) {
        double[] h = gram.clone();
        boolean[] dead = new boolean[cols];
        double meanDiag = 0;
        for (int j = 0; j < cols; j++) {
            if (h[j * cols + j] == 0) {
                dead[j] = true;
                h[j * cols + j] = 1;
                for (int i = 0; i < rows; i++) {
                    w[i * cols + j] = 0;
                }
            }
            meanDiag += h[j * cols + j] / cols;
        }
        for (int j = 0; j < cols; j++) {
            h[j * cols + j] += damp * meanDiag;
        }
        double[] u = upperCholeskyOfInverse(h, cols);
        boolean[] mask = new boolean[rows * cols]; // true = pruned
        for (int j = 0; j < cols; j++) {
            if (groupM > 0) {
                if (j % groupM == 0) {
                    int end = Math.min(cols, j + groupM);
                    for (int i = 0; i < rows; i++) {
                        double[] sc = new double[end - j];
                        for (int k = j; k < end; k++) {
                            double dk = u[k * cols + k];
                            sc[k - j] = w[i * cols + k] * w[i * cols + k] / (dk * dk);
                        }
                        int[] keep = Ranking.keepHighest(sc, Math.min(keepN, end - j));
                        for (int k = j; k < end; k++) {
                            mask[i * cols + k] = true;
                        }
                        for (int k : keep) {
                            mask[i * cols + j + k] = false;
                        }
                    }
                }
            } else if (j % block == 0) {
                int end = Math.min(cols, j + block);
                double[] sc = new double[rows * (end - j)];
                for (int i = 0; i < rows; i++) {
                    for (int k = j; k < end; k++) {
                        double dk = u[k * cols + k];
                        sc[i * (end - j) + k - j] = w[i * cols + k] * w[i * cols + k] / (dk * dk);
                    }
                }
                int prune = (int) (sparsity * sc.length);
                int[] keep = Ranking.keepHighest(sc, sc.length - prune);
                boolean[] kept = new boolean[sc.length];
                for (int k : keep) {
                    kept[k] = true;
                }
                for (int i = 0; i < rows; i++) {
                    for (int k = j; k < end; k++) {
                        mask[i * cols + k] = !kept[i * (end - j) + k - j];
                    }
                }
            }
            double d = u[j * cols + j];
            for (int i = 0; i < rows; i++) {
                if (!mask[i * cols + j]) {
                    continue;
                }
                double err = w[i * cols + j] / d;
                w[i * cols + j] = 0;
                for (int k = j + 1; k < cols; k++) {
                    w[i * cols + k] -= (float) (err * u[j * cols + k]);
                }
            }
        }
        for (int j = 0; j < cols; j++) {
            if (dead[j]) {
                for (int i = 0; i < rows; i++) {
                    w[i * cols + j] = 0;
                }
            }
        }
    }

    /** U upper triangular with U^T U = H^-1, as torch.linalg.cholesky(cholesky_inverse(cholesky(H)), upper=True). */
    static double[] upperCholeskyOfInverse(double[] h, int n) {
        double[] l = cholesky(h, n);
        // inverse of H from L: H^-1 = L^-T L^-1
        double[] linv = new double[n * n];
        for (int i = 0; i < n; i++) {
            linv[i * n + i] = 1 / l[i * n + i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s += l[i * n + k] * linv[k * n + j];
                }
                linv[i * n + j] = -s / l[i * n + i];
            }
        }
        double[] hinv = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += linv[k * n + i] * linv[k * n + j];
                }
                hinv[i * n + j] = s;
                hinv[j * n + i] = s;
            }
        }
        double[] l2 = cholesky(hinv, n);
        double[] u = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                u[j * n + i] = l2[i * n + j];
            }
        }
        return u;
    }

    static double[] cholesky(double[] a, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (s <= 0) {
                        throw new IllegalStateException("the calibration Hessian is not positive definite; use more calibration data");
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        return l;
    }
}
