package org.tinytitans.engine.criteria;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixRankTest {

    /** rows x cols sum of {@code rank} random outer products, row-major. */
    static float[] lowRank(int rows, int cols, int rank, long seed) {
        Random r = new Random(seed);
        float[] m = new float[rows * cols];
        for (int k = 0; k < rank; k++) {
            double[] u = r.doubles(rows).toArray();
            double[] v = r.doubles(cols).toArray();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    m[i * cols + j] += (float) (u[i] * v[j]);
                }
            }
        }
        return m;
    }

    @Test
    void rankOfAKnownRankTwoMatrixIsTwo() {
        assertEquals(2, MatrixRank.rank(lowRank(6, 5, 2, 1), 0, 6, 5));
        assertEquals(2, MatrixRank.rank(lowRank(5, 9, 2, 2), 0, 5, 9));
        assertEquals(2, MatrixRank.rank(lowRank(32, 32, 2, 3), 0, 32, 32));
    }

    @Test
    void fullZeroAndOffsetMatrices() {
        float[] eye = new float[16];
        for (int i = 0; i < 4; i++) {
            eye[i * 5] = 1;
        }
        assertEquals(4, MatrixRank.rank(eye, 0, 4, 4));
        assertEquals(0, MatrixRank.rank(new float[12], 0, 3, 4));
        float[] packed = new float[3 + 16];
        System.arraycopy(lowRank(4, 4, 3, 4), 0, packed, 3, 16);
        assertEquals(3, MatrixRank.rank(packed, 3, 4, 4));
        assertEquals(8, MatrixRank.rank(lowRank(8, 8, 8, 5), 0, 8, 8));
    }

    @Test
    void singularValuesOfAScaledPermutation() {
        float[] m = {0, 3, 0, 0, 0, -2, 5, 0, 0};
        double[] s = MatrixRank.singularValues(m, 0, 3, 3);
        Arrays.sort(s);
        assertArrayEquals(new double[] {2, 3, 5}, s, 1e-12);
    }

    @Test
    void toleranceIgnoresFloatNoiseLikeNumpy() {
        float[] m = lowRank(10, 10, 1, 6);
        m[0] += 1e-9f; // below float32 resolution relative to the entries: still rank 1
        assertEquals(1, MatrixRank.rank(m, 0, 10, 10));
        m[0] += 0.5f; // a real perturbation adds one
        assertEquals(2, MatrixRank.rank(m, 0, 10, 10));
    }
}
