package org.tinytitans.engine.lm.prune;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.LmConfig;
import org.tinytitans.engine.lm.model.Mats;
import org.tinytitans.engine.lm.model.Names;
import org.tinytitans.engine.weights.Tensor;

/**
 * Removes attention heads in every layer, physically: q rows (and bias) and o columns of each removed query
 * head. With grouped-query attention every key/value group loses the same number of query heads, so each
 * group still shares one key/value head and query head j keeps reading key/value head j / group; with plain
 * multi-head attention (group of one) the head's k and v rows go too. Scores per query head: magnitude = L2
 * norm of its q rows and o columns; taylor = |w * dL/dw| over them; random.
 */
final class HeadPruner {
    private HeadPruner() {}

    static LanguageModel prune(LanguageModel model, LmCriterion criterion, double ratio, Calibration calib, long seed) {
        LmConfig c = model.config();
        int g = c.groupSize();
        int perGroup = g == 1 ? (int) (ratio * c.heads()) : (int) (ratio * g);
        if (perGroup == 0) {
            throw new IllegalArgumentException("ratio " + ratio + " removes no head: each of the " + c.kvHeads()
                    + " key/value groups has " + g + " query heads; use a ratio of at least " + (1.0 / (g == 1 ? c.heads() : g)));
        }
        if ((g == 1 && perGroup >= c.heads()) || (g > 1 && perGroup >= g)) {
            throw new IllegalArgumentException("ratio " + ratio + " would remove every attention head");
        }
        Map<String, float[]> grads = criterion == LmCriterion.TAYLOR ? Gradients.of(model, LmPruning.need(calib, criterion)) : null;
        int d = c.headDim();
        Map<String, Tensor> out = new LinkedHashMap<>(model.weights());
        int newHeads = g == 1 ? c.heads() - perGroup : c.heads() - perGroup * c.kvHeads();
        int newKv = g == 1 ? newHeads : c.kvHeads();
        for (int l = 0; l < c.layers(); l++) {
            double[] score = switch (criterion) {
                case RANDOM -> Ranking.random(c.heads(), seed + l);
                case MAGNITUDE -> weighted(model, l, null, true);
                case TAYLOR -> weighted(model, l, grads, false);
                default -> throw new IllegalArgumentException(criterion.label() + " scores no heads"); // the registry offers no such method
            };
            int[] keptHeads;
            if (g == 1) {
                keptHeads = Ranking.keepHighest(score, newHeads);
            } else {
                keptHeads = new int[newHeads];
                int at = 0;
                for (int grp = 0; grp < c.kvHeads(); grp++) {
                    int[] local = Ranking.keepHighest(Arrays.copyOfRange(score, grp * g, (grp + 1) * g), g - perGroup);
                    for (int k : local) {
                        keptHeads[at++] = grp * g + k;
                    }
                }
            }
            int[] qRows = headRows(keptHeads, d);
            replaceRows(out, model, Names.layer(l, "q"), qRows);
            if (g == 1) {
                replaceRows(out, model, Names.layer(l, "k"), qRows);
                replaceRows(out, model, Names.layer(l, "v"), qRows);
            }
            String o = Names.w(Names.layer(l, "o"));
            out.put(o, Mats.pickCols(model.tensor(o), qRows));
        }
        return model.with(c.withHeads(newHeads, newKv), out);
    }

    private static void replaceRows(Map<String, Tensor> out, LanguageModel m, String module, int[] rows) {
        out.put(Names.w(module), Mats.pickRows(m.tensor(Names.w(module)), rows));
        String b = Names.b(module);
        if (out.containsKey(b)) {
            out.put(b, Mats.pickRows(m.tensor(b), rows));
        }
    }

    static int[] headRows(int[] heads, int d) {
        int[] rows = new int[heads.length * d];
        for (int i = 0; i < heads.length; i++) {
            for (int j = 0; j < d; j++) {
                rows[i * d + j] = heads[i] * d + j;
            }
        }
        return rows;
    }

    /** Per query head: sum over its q rows and o columns of w^2 (then sqrt) or |w * g|. */
    private static double[] weighted(LanguageModel m, int l, Map<String, float[]> grads, boolean l2) {
        LmConfig c = m.config();
        int d = c.headDim();
        double[] rowScore = new double[c.heads() * d];
        String q = Names.w(Names.layer(l, "q"));
        String o = Names.w(Names.layer(l, "o"));
        NeuronPruner.addRows(rowScore, m.tensor(q), null, grads == null ? null : grads.get(q), l2);
        NeuronPruner.addCols(rowScore, m.tensor(o), null, grads == null ? null : grads.get(o), l2);
        double[] s = new double[c.heads()];
        for (int h = 0; h < c.heads(); h++) {
            for (int j = 0; j < d; j++) {
                s[h] += rowScore[h * d + j];
            }
            if (l2) {
                s[h] = Math.sqrt(s[h]);
            }
        }
        return s;
    }
}
