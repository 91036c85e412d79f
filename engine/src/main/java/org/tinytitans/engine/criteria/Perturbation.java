package org.tinytitans.engine.criteria;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.NoGrad;
import org.tinytitans.engine.train.Progress;

/**
 * Shared loop of the criteria that silence one filter (or one block) at a time and compare the network's
 * outputs with the intact ones: one pass over the samples per candidate, as the tutorial does.
 */
final class Perturbation {

    /** Network output of a batch: logits or penultimate features, (N,K). */
    interface Output {
        NDArray of(ScoringModel model, NDManager m, NDArray input);
    }

    /** Compares intact outputs with silenced ones (both n x k row-major) into one score. */
    interface Metric {
        double score(float[] intact, float[] silenced, int n, int k);
    }

    private Perturbation() { }

    /** All samples' outputs as one n x k array; {@code k[0]} receives k. */
    static float[] outputs(ScoringModel model, ImageSet samples, Output output, int[] k) {
        float[] all = null;
        int[] cursor = {0};
        float[][] holder = new float[1][];
        NoGrad.run(() -> SampleBatches.forEach(samples, (m, x, from, to) -> {
            NDArray o = output.of(model, m, x);
            long[] s = o.getShape().getShape();
            int width = (int) (o.size() / s[0]);
            if (holder[0] == null) {
                holder[0] = new float[samples.size() * width];
                k[0] = width;
            }
            float[] v = o.toType(DataType.FLOAT32, false).toFloatArray();
            System.arraycopy(v, 0, holder[0], cursor[0], v.length);
            cursor[0] += v.length;
        }));
        return holder[0];
    }

    static float[][] score(Level level, String name, ScoringModel model, ImageSet samples, boolean zeroBatchNorm,
                           Output output, Metric metric, Progress progress) {
        SampleBatches.require(name, samples);
        int[] k = new int[1];
        float[] intact = outputs(model, samples, output, k);
        List<ScoringModel.Unit> units = level.units(model);
        long total = 0;
        for (ScoringModel.Unit u : units) {
            total += level == Level.FILTER ? u.width() : 1;
        }
        long done = 0;
        float[][] scores = new float[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            int unit = u;
            int candidates = level == Level.FILTER ? units.get(u).width() : 1;
            scores[u] = new float[candidates];
            for (int f = 0; f < candidates; f++) {
                float[] silenced = level == Level.FILTER
                        ? model.withFiltersZeroed(unit, new int[] {f}, zeroBatchNorm, () -> outputs(model, samples, output, new int[1]))
                        : model.withBlockZeroed(unit, () -> outputs(model, samples, output, new int[1]));
                scores[u][f] = (float) metric.score(intact, silenced, samples.size(), k[0]);
                progress.update(level.phase(name), ++done, total, units.get(u).name() + (level == Level.FILTER ? " filter " + f : ""));
            }
        }
        return scores;
    }
}
