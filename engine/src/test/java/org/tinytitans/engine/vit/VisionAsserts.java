package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class VisionAsserts {
    private VisionAsserts() {}

    /** Every value within {@code tol} of the reference; also fails when the values are all tiny (a vacuous match). */
    static double assertClose(double[][] ref, float[][] got, double tol) {
        assertEquals(ref.length, got.length, "rows");
        double max = 0;
        double scale = 0;
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i].length, got[i].length, "columns of row " + i);
            for (int j = 0; j < ref[i].length; j++) {
                max = Math.max(max, Math.abs(ref[i][j] - got[i][j]));
                scale = Math.max(scale, Math.abs(ref[i][j]));
            }
        }
        assertTrue(scale > 0.1, "reference values are all near zero (max " + scale + "): the comparison would prove nothing");
        assertTrue(max <= tol, "max difference " + max + " exceeds " + tol + " (values up to " + scale + ")");
        return max;
    }
}
