package org.tinytitans.engine.lm.prune;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Layout;
import org.tinytitans.engine.lm.model.LmConfig;
import org.tinytitans.engine.lm.model.Mats;
import org.tinytitans.engine.lm.model.Names;
import org.tinytitans.engine.weights.Tensor;

/**
 * Removes MLP hidden units in every layer: rows of gate/up (and up's bias), columns of down. Every layer loses
 * {@code int(ratio * intermediate)} units, as the tutorial's {@code prune_llama3_mlp_random}, so the config
 * keeps one {@code intermediate_size}. A unit's score sums over its weights in gate, up and down:
 * magnitude = L2 norms; wanda = |w| times the norm of the input that weight multiplies; taylor = |w * dL/dw|;
 * random uses seed + layer index per layer, as the tutorial.
 */
final class NeuronPruner {
    private NeuronPruner() {}

    static LanguageModel prune(LanguageModel model, LmCriterion criterion, double ratio, Calibration calib, long seed) {
        LmConfig c = model.config();
        int units = c.intermediate();
        int remove = (int) (ratio * units);
        if (remove >= units) {
            throw new IllegalArgumentException("ratio " + ratio + " would remove all " + units + " MLP units");
        }
        ActivationStats stats = criterion == LmCriterion.WANDA ? ActivationStats.collect(model, LmPruning.need(calib, criterion), false) : null;
        Map<String, float[]> grads = criterion == LmCriterion.TAYLOR ? Gradients.of(model, LmPruning.need(calib, criterion)) : null;
        Map<String, Tensor> out = new LinkedHashMap<>(model.weights());
        for (int l = 0; l < c.layers(); l++) {
            double[] score = switch (criterion) {
                case RANDOM -> Ranking.random(units, seed + l);
                case MAGNITUDE -> magnitude(model, l);
                case WANDA -> wanda(model, l, stats);
                case TAYLOR -> taylor(model, l, grads);
                default -> throw new IllegalArgumentException(criterion.label() + " scores no neurons"); // the registry offers no such method
            };
            int[] keep = Ranking.keepHighest(score, units - remove);
            for (String m : rowModules(c)) {
                out.put(Names.w(Names.layer(l, m)), Mats.pickRows(model.tensor(Names.w(Names.layer(l, m))), keep));
                String bias = Names.b(Names.layer(l, m));
                if (out.containsKey(bias)) {
                    out.put(bias, Mats.pickRows(model.tensor(bias), keep));
                }
            }
            String down = Names.w(Names.layer(l, "down"));
            out.put(down, Mats.pickCols(model.tensor(down), keep));
        }
        return model.with(c.withIntermediate(units - remove), out);
    }

    private static String[] rowModules(LmConfig c) {
        return c.layout() == Layout.LLAMA ? new String[] {"gate", "up"} : new String[] {"up"};
    }

    private static double[] magnitude(LanguageModel m, int l) {
        double[] s = new double[m.config().intermediate()];
        for (String mod : rowModules(m.config())) {
            addRows(s, m.tensor(Names.w(Names.layer(l, mod))), null, null, true);
        }
        addCols(s, m.tensor(Names.w(Names.layer(l, "down"))), null, null, true);
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.sqrt(s[i]);
        }
        return s;
    }

    private static double[] wanda(LanguageModel m, int l, ActivationStats st) {
        double[] s = new double[m.config().intermediate()];
        double[] xIn = st.inputNorms(l, "up");
        double[] hidden = st.inputNorms(l, "down");
        for (String mod : rowModules(m.config())) {
            addRows(s, m.tensor(Names.w(Names.layer(l, mod))), xIn, null, false);
        }
        Tensor down = m.tensor(Names.w(Names.layer(l, "down")));
        double[] d = new double[s.length];
        addCols(d, down, null, null, false);
        for (int i = 0; i < s.length; i++) {
            s[i] += d[i] * hidden[i];
        }
        return s;
    }

    private static double[] taylor(LanguageModel m, int l, Map<String, float[]> g) {
        double[] s = new double[m.config().intermediate()];
        for (String mod : rowModules(m.config())) {
            String name = Names.w(Names.layer(l, mod));
            addRows(s, m.tensor(name), null, g.get(name), false);
            String bias = Names.b(Names.layer(l, mod));
            if (m.weights().containsKey(bias)) {
                float[] b = m.tensor(bias).values();
                float[] gb = g.get(bias);
                for (int i = 0; i < s.length; i++) {
                    s[i] += Math.abs(b[i] * gb[i]);
                }
            }
        }
        String down = Names.w(Names.layer(l, "down"));
        addCols(s, m.tensor(down), null, g.get(down), false);
        return s;
    }

    /** Adds per row: sum_j |w_ij| * (colWeight_j or 1) * (|grad_ij| or 1), or sum of squares when {@code squares}. */
    static void addRows(double[] s, Tensor w, double[] colWeight, float[] grad, boolean squares) {
        int rows = Mats.rowsOf(w);
        int cols = Mats.colsOf(w);
        float[] v = w.values();
        for (int i = 0; i < rows; i++) {
            double acc = 0;
            for (int j = 0; j < cols; j++) {
                acc += term(v[i * cols + j], colWeight == null ? 1 : colWeight[j], grad == null ? 1 : grad[i * cols + j], squares);
            }
            s[i] += acc;
        }
    }

    /** The same per column. */
    static void addCols(double[] s, Tensor w, double[] rowWeight, float[] grad, boolean squares) {
        int rows = Mats.rowsOf(w);
        int cols = Mats.colsOf(w);
        float[] v = w.values();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                s[j] += term(v[i * cols + j], rowWeight == null ? 1 : rowWeight[i], grad == null ? 1 : grad[i * cols + j], squares);
            }
        }
    }

    private static double term(float w, double weight, float grad, boolean squares) {
        return squares ? (double) w * w : Math.abs(w * grad) * weight;
    }
}
