package org.tinytitans.engine.criteria;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.engine.runtime.Devices;

/**
 * Weight-magnitude criteria. Filters: l1 = sum |w| over (I,H,W) (Li et al.; bias excluded), l2 = its Euclidean
 * norm. Layers (l1 only, as the tutorial): sum over the block's convolutions of the mean filter L1.
 */
record Norm(Level level, boolean l2) implements Criterion {

    @Override public String name() { return l2 ? "l2" : "l1"; }
    @Override public boolean needsData() { return false; }

    @Override
    public float[][] score(ScoringModel model, ImageSet samples, long seed, Progress progress) {
        List<ScoringModel.Unit> units = level.units(model);
        float[][] scores = new float[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            try (NDManager m = Devices.manager()) {
                if (level == Level.FILTER) {
                    scores[u] = filterNorms(model.filterWeights(m, u));
                } else {
                    float total = 0;
                    for (NDArray w : model.blockWeights(m, u)) {
                        float[] norms = filterNorms(w);
                        float sum = 0;
                        for (float v : norms) {
                            sum += v;
                        }
                        total += sum / norms.length;
                    }
                    scores[u] = new float[] {total};
                }
            }
            progress.update(level.phase(name()), u + 1, units.size(), units.get(u).name());
        }
        return scores;
    }

    private float[] filterNorms(NDArray w) {
        int filters = (int) w.getShape().get(0);
        float[] flat = w.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        int per = flat.length / filters;
        float[] out = new float[filters];
        for (int f = 0; f < filters; f++) {
            double s = 0;
            for (int i = f * per; i < (f + 1) * per; i++) {
                s += l2 ? (double) flat[i] * flat[i] : Math.abs(flat[i]);
            }
            out[f] = (float) (l2 ? Math.sqrt(s) : s);
        }
        return out;
    }
}
