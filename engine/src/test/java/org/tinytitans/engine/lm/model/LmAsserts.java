package org.tinytitans.engine.lm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short assertions for logits. */
public final class LmAsserts {
    private LmAsserts() {}

    public static void assertLogitsClose(double[][] want, float[][] got, double tol) {
        assertEquals(want.length, got.length, "positions");
        double worst = 0;
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i].length, got[i].length, "vocabulary");
            for (int j = 0; j < want[i].length; j++) {
                worst = Math.max(worst, Math.abs(want[i][j] - got[i][j]));
            }
        }
        assertTrue(worst < tol, "max |logit difference| " + worst + " >= " + tol);
    }

    public static double maxDiff(float[][] a, float[][] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return worst;
    }

    public static long[] ids(long... ids) {
        return ids;
    }
}
