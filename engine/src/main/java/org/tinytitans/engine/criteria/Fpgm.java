package org.tinytitans.engine.criteria;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.engine.runtime.Devices;

/**
 * Filter pruning via geometric median (He et al., CVPR 2019): a filter's score is the sum of its Euclidean
 * distances to the other filters of its layer. The filters nearest the geometric median (smallest sum) are the
 * most replaceable by the others, so they score lowest and go first; a duplicated filter is the extreme case.
 */
final class Fpgm implements Criterion {

    @Override public String name() { return "fpgm"; }
    @Override public boolean needsData() { return false; }

    @Override
    public float[][] score(ScoringModel model, ImageSet samples, long seed, Progress progress) {
        List<ScoringModel.Unit> units = model.filterUnits();
        float[][] scores = new float[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            float[] w;
            int filters;
            try (NDManager m = Devices.manager()) {
                var weights = model.filterWeights(m, u);
                filters = (int) weights.getShape().get(0);
                w = weights.toType(DataType.FLOAT32, false).toFloatArray();
            }
            int per = w.length / filters;
            double[] sum = new double[filters];
            for (int a = 0; a < filters; a++) {
                for (int b = a + 1; b < filters; b++) {
                    double d = 0;
                    for (int i = 0; i < per; i++) {
                        double diff = w[a * per + i] - w[b * per + i];
                        d += diff * diff;
                    }
                    d = Math.sqrt(d);
                    sum[a] += d;
                    sum[b] += d;
                }
            }
            scores[u] = new float[filters];
            for (int f = 0; f < filters; f++) {
                scores[u][f] = (float) sum[f];
            }
            progress.update("score fpgm (filters)", u + 1, units.size(), units.get(u).name());
        }
        return scores;
    }
}
