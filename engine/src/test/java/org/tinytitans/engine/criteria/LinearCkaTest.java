package org.tinytitans.engine.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearCkaTest {
    static float[] random(int n, int f, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * f];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    @Test
    void ckaOfFeaturesWithThemselvesIsOne() {
        float[] x = random(50, 8, 1);
        assertEquals(1.0, LinearCka.cka(x, x, 50, 8, 8), 1e-9);
    }

    @Test
    void invariantToIsotropicScalingAndShift() {
        float[] x = random(40, 6, 2);
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 3.5f * x[i] + 7f;
        }
        assertEquals(1.0, LinearCka.cka(x, y, 40, 6, 6), 1e-6);
    }

    @Test
    void invariantToPermutingFeaturesButNotToDroppingThem() {
        int n = 60;
        float[] x = random(n, 4, 3);
        float[] swapped = new float[x.length];
        float[] dropped = x.clone();
        for (int i = 0; i < n; i++) {
            swapped[i * 4] = x[i * 4 + 3];
            swapped[i * 4 + 3] = x[i * 4];
            swapped[i * 4 + 1] = x[i * 4 + 1];
            swapped[i * 4 + 2] = x[i * 4 + 2];
            dropped[i * 4] = 0;
        }
        assertEquals(1.0, LinearCka.cka(x, swapped, n, 4, 4), 1e-6);
        double partial = LinearCka.cka(x, dropped, n, 4, 4);
        assertTrue(partial < 0.95 && partial > 0.3, "cka after dropping one of 4 features: " + partial);
    }

    @Test
    void independentFeaturesAreDissimilar() {
        assertTrue(LinearCka.cka(random(400, 5, 4), random(400, 5, 5), 400, 5, 5) < 0.1);
    }

    @Test
    void knownValueForOneDimensionalFeaturesIsSquaredCorrelation() {
        float[] x = {1, 2, 3, 4};
        float[] y = {1, 3, 2, 4};
        // centred x = [-1.5,-.5,.5,1.5], y = [-1.5,.5,-.5,1.5]: corr = 4/5 -> CKA = 0.64
        assertEquals(0.64, LinearCka.cka(x, y, 4, 1, 1), 1e-9);
    }
}
