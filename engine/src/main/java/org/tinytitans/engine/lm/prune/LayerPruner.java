package org.tinytitans.engine.lm.prune;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Names;
import org.tinytitans.engine.weights.Tensor;

/**
 * Removes whole decoder layers and renumbers the rest; the config's layer count follows. Criteria: random (the
 * tutorial), block influence (ShortGPT: 1 - mean cosine between a layer's input and output, lowest removed)
 * and l1 (mean |w| of the layer's matrices).
 */
final class LayerPruner {
    private LayerPruner() {}

    static double[] scores(LanguageModel model, LmCriterion criterion, Calibration calib, long seed) {
        int n = model.config().layers();
        return switch (criterion) {
            case RANDOM -> Ranking.random(n, seed);
            case BLOCK_INFLUENCE -> {
                ActivationStats stats = ActivationStats.collect(model, LmPruning.need(calib, criterion), false);
                double[] s = new double[n];
                for (int l = 0; l < n; l++) {
                    s[l] = stats.blockInfluence(l);
                }
                yield s;
            }
            case MAGNITUDE -> {
                double[] s = new double[n];
                for (int l = 0; l < n; l++) {
                    double sum = 0;
                    long count = 0;
                    for (String m : LmPruning.matrices(model.config())) {
                        for (float v : model.tensor(Names.w(Names.layer(l, m))).values()) {
                            sum += Math.abs(v);
                            count++;
                        }
                    }
                    s[l] = sum / count;
                }
                yield s;
            }
            default -> throw new IllegalArgumentException(criterion.label() + " scores no layers"); // the registry offers no such method
        };
    }

    /** Keeps the given layers (ascending), renumbered 0..k-1. */
    static LanguageModel keep(LanguageModel model, int[] kept) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        String prefix = "layers.";
        for (Map.Entry<String, Tensor> e : model.weights().entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(prefix)) {
                out.put(name, e.getValue());
                continue;
            }
            int dot = name.indexOf('.', prefix.length());
            int l = Integer.parseInt(name.substring(prefix.length(), dot));
            int at = java.util.Arrays.binarySearch(kept, l);
            if (at >= 0) {
                out.put(prefix + at + name.substring(dot), e.getValue());
            }
        }
        return model.with(model.config().withLayers(kept.length), out);
    }
}
