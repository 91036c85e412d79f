package org.tinytitans.engine.criteria;

/**
 * Matrix rank as numpy.linalg.matrix_rank computes it: the number of singular values above
 * S.max() * max(rows, cols) * eps, with eps of float32 because feature maps are float32 (numpy uses the
 * eps of the array's dtype). Singular values come from a one-sided Jacobi SVD in double precision.
 */
public final class MatrixRank {
    public static final double FLOAT32_EPS = Math.ulp(1.0f);
    private static final int MAX_SWEEPS = 60;

    private MatrixRank() { }

    /** Rank of the rows x cols matrix stored row-major at {@code offset} in {@code data}. */
    public static int rank(float[] data, int offset, int rows, int cols) {
        double[] s = singularValues(data, offset, rows, cols);
        double max = 0;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double tol = max * Math.max(rows, cols) * FLOAT32_EPS;
        int rank = 0;
        for (double v : s) {
            if (v > tol) {
                rank++;
            }
        }
        return rank;
    }

    /** Singular values (unsorted) of a row-major rows x cols matrix. */
    public static double[] singularValues(float[] data, int offset, int rows, int cols) {
        // Orthogonalise the shorter dimension's vectors: k vectors of length len.
        boolean byColumns = cols <= rows;
        int k = byColumns ? cols : rows;
        int len = byColumns ? rows : cols;
        double[][] v = new double[k][len];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double x = data[offset + r * cols + c];
                if (byColumns) {
                    v[c][r] = x;
                } else {
                    v[r][c] = x;
                }
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int p = 0; p < k - 1; p++) {
                for (int q = p + 1; q < k; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    double[] a = v[p];
                    double[] b = v[q];
                    for (int i = 0; i < len; i++) {
                        alpha += a[i] * a[i];
                        beta += b[i] * b[i];
                        gamma += a[i] * b[i];
                    }
                    if (gamma == 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    for (int i = 0; i < len; i++) {
                        double x = a[i];
                        double y = b[i];
                        a[i] = c * x - s * y;
                        b[i] = s * x + c * y;
                    }
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] sv = new double[k];
        for (int j = 0; j < k; j++) {
            double n = 0;
            for (double x : v[j]) {
                n += x * x;
            }
            sv[j] = Math.sqrt(n);
        }
        return sv;
    }
}
