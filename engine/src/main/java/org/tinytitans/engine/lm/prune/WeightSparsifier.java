package org.tinytitans.engine.lm.prune;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.LmConfig;
import org.tinytitans.engine.lm.model.Mats;
import org.tinytitans.engine.lm.model.Names;
import org.tinytitans.engine.weights.Tensor;

/**
 * Zeroes single weights of the decoder layers' linears (q, k, v, o, gate, up, down); embeddings, the head,
 * norms and biases stay dense, as in Wanda and SparseGPT. Shapes do not change. Criteria: magnitude (|w|,
 * per matrix), random, wanda (|w| * ||X_j||, compared per output row), sparsegpt (OBS reconstruction with the
 * calibration Hessian, updating the kept weights). With a pattern N:M, every group of M consecutive inputs in
 * a row keeps its N best weights and the ratio is implied (1 - N/M).
 */
final class WeightSparsifier {
    private WeightSparsifier() {}

    static LanguageModel prune(LanguageModel model, LmCriterion criterion, double ratio, int keepN, int groupM, Calibration calib, long seed) {
        if (groupM == 0 && (ratio < 0 || ratio >= 1)) {
            throw new IllegalArgumentException("ratio " + ratio + " must be in [0, 1) for weights");
        }
        if (groupM > 0 && (keepN < 1 || keepN > groupM)) {
            throw new IllegalArgumentException("pattern " + keepN + ":" + groupM + " must keep between 1 and " + groupM + " of every " + groupM);
        }
        LmConfig c = model.config();
        ActivationStats stats = switch (criterion) {
            case WANDA -> ActivationStats.collect(model, LmPruning.need(calib, criterion), false);
            case SPARSEGPT -> ActivationStats.collect(model, LmPruning.need(calib, criterion), true);
            case MAGNITUDE, RANDOM -> null;
            default -> throw new IllegalArgumentException(criterion.label() + " scores no single weights"); // the registry offers no such method
        };
        java.util.Random random = new java.util.Random(seed);
        Map<String, Tensor> out = new LinkedHashMap<>(model.weights());
        for (int l = 0; l < c.layers(); l++) {
            for (String m : LmPruning.matrices(c)) {
                String name = Names.w(Names.layer(l, m));
                Tensor t = model.tensor(name);
                int rows = Mats.rowsOf(t);
                int cols = Mats.colsOf(t);
                float[] w = t.values().clone();
                String input = inputOf(m);
                if (criterion == LmCriterion.SPARSEGPT) {
                    SparseGpt.prune(w, rows, cols, stats.gram(l, input), ratio, keepN, groupM, 128, 0.01);
                } else {
                    double[] colNorm = criterion == LmCriterion.WANDA ? stats.inputNorms(l, input) : null;
                    double[] score = new double[w.length];
                    for (int i = 0; i < w.length; i++) {
                        score[i] = criterion == LmCriterion.RANDOM ? random.nextDouble()
                                : Math.abs(w[i]) * (colNorm == null ? 1 : colNorm[i % cols]);
                    }
                    boolean perRow = criterion == LmCriterion.WANDA;
                    mask(w, score, rows, cols, ratio, keepN, groupM, perRow);
                }
                out.put(name, new Tensor(t.shape(), w));
            }
        }
        return model.with(c, out);
    }

    /** Zeroes the lowest scores: in each N:M group, in each row (per-row), or over the whole matrix. */
    static void mask(float[] w, double[] score, int rows, int cols, double ratio, int keepN, int groupM, boolean perRow) {
        if (groupM > 0) {
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j += groupM) {
                    int end = Math.min(cols, j + groupM);
                    zeroLowest(w, score, i * cols + j, i * cols + end, (end - j) - Math.min(keepN, end - j));
                }
            }
        } else if (perRow) {
            for (int i = 0; i < rows; i++) {
                zeroLowest(w, score, i * cols, (i + 1) * cols, (int) (ratio * cols));
            }
        } else {
            zeroLowest(w, score, 0, w.length, (int) (ratio * w.length));
        }
    }

    /** Zeroes the {@code count} lowest scores in [from, to); ties go to the lower index. Primitive sort: matrices are large. */
    private static void zeroLowest(float[] w, double[] score, int from, int to, int count) {
        if (count <= 0) {
            return;
        }
        double[] sorted = java.util.Arrays.copyOfRange(score, from, to);
        java.util.Arrays.sort(sorted);
        double threshold = sorted[count - 1];
        int below = 0;
        for (int i = from; i < to; i++) {
            if (score[i] < threshold) {
                w[i] = 0;
                below++;
            }
        }
        for (int i = from; i < to && below < count; i++) {
            if (score[i] == threshold) {
                w[i] = 0;
                below++;
            }
        }
    }

    /** Which recorded input feeds a linear. */
    static String inputOf(String matrix) {
        return switch (matrix) {
            case "q", "k", "v" -> "q";
            case "gate", "up" -> "up";
            default -> matrix;
        };
    }
}
