package org.tinytitans.engine.lm.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.lm.model.TinyModels;
import org.tinytitans.engine.lm.model.CheckpointForwardTest;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Names;
import org.tinytitans.engine.weights.Tensor;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.Pattern;

/** Unstructured and N:M sparsity: magnitude, Wanda, SparseGPT. */
class WeightPruningLmTest {
    @TempDir
    Path tmp;

    @Test
    void magnitudeZeroesHalfOfEveryDecoderMatrixAndNothingElse() throws Exception {
        LanguageModel m = TinyModels.llama(tmp, 1);
        LanguageModel p = LmPruning.apply(m, Granularity.WEIGHTS, LmCriterion.MAGNITUDE, 0.5, 0, null, null, 0);
        for (int l = 0; l < 3; l++) {
            for (String mod : LmPruning.matrices(m.config())) {
                Tensor t = p.tensor(Names.w(Names.layer(l, mod)));
                assertEquals(t.values().length / 2, zeros(t.values(), 0, t.values().length), mod);
            }
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(m.tensor(Names.EMBED).values(), p.tensor(Names.EMBED).values());
        assertEquals(m.paramCount(), p.paramCount());
        assertTrue(p.sparsity() > 0.2 && p.sparsity() < 0.5, "sparsity " + p.sparsity());
    }

    @Test
    void twoFourPatternKeepsTwoOfEveryFour() throws Exception {
        LanguageModel m = TinyModels.llama(tmp, 2);
        Calibration calib = TinyModels.calibration(m);
        for (LmCriterion criterion : new LmCriterion[] {LmCriterion.MAGNITUDE, LmCriterion.WANDA, LmCriterion.SPARSEGPT}) {
            LanguageModel p = LmPruning.apply(m, Granularity.WEIGHTS, criterion, 0, 0, new Pattern(2, 4), calib, 0);
            float[] up = p.tensor("layers.1.up.w").values();
            for (int g = 0; g < up.length; g += 4) {
                assertTrue(zeros(up, g, g + 4) >= 2, criterion + " group at " + g);
            }
            assertTrue(Double.isFinite(p.logits(CheckpointForwardTest.TOKENS)[5][3]));
        }
    }

    @Test
    void wandaPrefersWeightsOnLargeNormInputs() throws Exception {
        LanguageModel base = TinyModels.llama(tmp, 3);
        // layer 0's attention input: RMSNorm gain 0.02 on the first 8 features, 1 on the last 8
        float[] gain = new float[16];
        for (int i = 0; i < 16; i++) {
            gain[i] = i < 8 ? 0.02f : 1f;
        }
        LanguageModel m = TinyModels.set(base, "layers.0.attn_norm.w", new Tensor(new long[] {16}, gain));
        LanguageModel p = LmPruning.apply(m, Granularity.WEIGHTS, LmCriterion.WANDA, 0.5, 0, null, TinyModels.calibration(m), 0);
        float[] q = p.tensor("layers.0.q.w").values();
        int onSmall = 0;
        for (int i = 0; i < q.length; i++) {
            if (q[i] == 0 && i % 16 < 8) {
                onSmall++;
            }
        }
        assertEquals(q.length / 2, zeros(q, 0, q.length));
        assertTrue(onSmall > 0.95 * q.length / 2, onSmall + " of " + q.length / 2 + " zeros on the small inputs");
        float[] byMagnitude = LmPruning.apply(m, Granularity.WEIGHTS, LmCriterion.MAGNITUDE, 0.5, 0, null, null, 0).tensor("layers.0.q.w").values();
        int magnitudeOnSmall = 0;
        for (int i = 0; i < byMagnitude.length; i++) {
            if (byMagnitude[i] == 0 && i % 16 < 8) {
                magnitudeOnSmall++;
            }
        }
        assertTrue(magnitudeOnSmall < 0.7 * q.length / 2, "magnitude ignores the inputs: " + magnitudeOnSmall);
    }

    @Test
    void sparseGptReconstructsBetterThanMagnitudeAtTheSameSparsity() {
        Random r = new Random(4);
        int rows = 24;
        int cols = 32;
        int n = 400;
        // correlated inputs: a few latent factors plus noise, with uneven scales per column
        double[][] x = new double[n][cols];
        double[][] mix = new double[4][cols];
        for (double[] row : mix) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        for (int s = 0; s < n; s++) {
            double[] z = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            for (int j = 0; j < cols; j++) {
                for (int k = 0; k < 4; k++) {
                    x[s][j] += z[k] * mix[k][j];
                }
                x[s][j] = (x[s][j] + 0.3 * r.nextGaussian()) * (1 + j % 3);
            }
        }
        double[] gram = new double[cols * cols];
        for (double[] row : x) {
            for (int i = 0; i < cols; i++) {
                for (int j = 0; j < cols; j++) {
                    gram[i * cols + j] += row[i] * row[j];
                }
            }
        }
        float[] w = new float[rows * cols];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        float[] sgpt = w.clone();
        SparseGpt.prune(sgpt, rows, cols, gram, 0.5, 0, 0, 128, 0.01);
        float[] mag = w.clone();
        double[] score = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            score[i] = Math.abs(w[i]);
        }
        WeightSparsifier.mask(mag, score, rows, cols, 0.5, 0, 0, false);
        assertEquals(w.length / 2, zeros(sgpt, 0, w.length));
        assertEquals(w.length / 2, zeros(mag, 0, w.length));
        double errS = error(w, sgpt, x, rows, cols);
        double errM = error(w, mag, x, rows, cols);
        assertTrue(errS < 0.7 * errM, "SparseGPT error " + errS + " vs magnitude " + errM);
    }

    /** Sum over samples of ||(W - W') x||^2. */
    private static double error(float[] w, float[] p, double[][] x, int rows, int cols) {
        double e = 0;
        for (double[] s : x) {
            for (int i = 0; i < rows; i++) {
                double d = 0;
                for (int j = 0; j < cols; j++) {
                    d += (w[i * cols + j] - p[i * cols + j]) * s[j];
                }
                e += d * d;
            }
        }
        return e;
    }

    static int zeros(float[] v, int from, int to) {
        int z = 0;
        for (int i = from; i < to; i++) {
            if (v[i] == 0f) {
                z++;
            }
        }
        return z;
    }
}
