package org.tinytitans.engine.criteria;

/**
 * Linear CKA of two feature matrices with the same rows (samples), as in the tutorial: centre each column,
 * CKA = ||Y^T X||_F^2 / (||X^T X||_F * ||Y^T Y||_F). 1 for identical features, invariant to isotropic scaling
 * and orthogonal transforms. Two constant (all-centred-to-zero) matrices give 1 when equal, else 0.
 */
public final class LinearCka {
    private LinearCka() { }

    /** {@code x} is n x fx and {@code y} is n x fy, both row-major. */
    public static double cka(float[] x, float[] y, int n, int fx, int fy) {
        if (x.length != n * fx || y.length != n * fy) {
            throw new IllegalArgumentException("feature sizes do not match " + n + " samples");
        }
        double[] cx = centred(x, n, fx);
        double[] cy = centred(y, n, fy);
        double yx = frobeniusSquaredOfProduct(cy, cx, n, fy, fx);
        double xx = Math.sqrt(frobeniusSquaredOfProduct(cx, cx, n, fx, fx));
        double yy = Math.sqrt(frobeniusSquaredOfProduct(cy, cy, n, fy, fy));
        if (xx == 0 || yy == 0) {
            return xx == yy && java.util.Arrays.equals(x, y) ? 1 : 0;
        }
        return yx / (xx * yy);
    }

    private static double[] centred(float[] a, int n, int f) {
        double[] out = new double[n * f];
        for (int j = 0; j < f; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += a[i * f + j];
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                out[i * f + j] = a[i * f + j] - mean;
            }
        }
        return out;
    }

    /** ||A^T B||_F^2 for A n x fa and B n x fb. */
    private static double frobeniusSquaredOfProduct(double[] a, double[] b, int n, int fa, int fb) {
        double total = 0;
        double[] row = new double[fb];
        for (int p = 0; p < fa; p++) {
            java.util.Arrays.fill(row, 0);
            for (int i = 0; i < n; i++) {
                double v = a[i * fa + p];
                if (v == 0) {
                    continue;
                }
                int base = i * fb;
                for (int q = 0; q < fb; q++) {
                    row[q] += v * b[base + q];
                }
            }
            for (double r : row) {
                total += r * r;
            }
        }
        return total;
    }
}
