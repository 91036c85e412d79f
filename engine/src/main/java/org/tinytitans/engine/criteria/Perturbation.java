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
 * outputs with the intact ones, as the tutorial does. Filters are silenced through
 * {@link ScoringModel#silencedOutputs}, which a network answers with several silenced variants per pass.
 */
final class Perturbation {

    /** Compares intact outputs with silenced ones (both n x k row-major) into one score. */
    interface Metric {
        double score(float[] intact, float[] silenced, int n, int k);
    }

    private Perturbation() { }

    /** All samples' outputs as one n x k array; {@code k[0]} receives k. */
    static float[] outputs(ScoringModel model, ImageSet samples, ScoringModel.Head head, int[] k) {
        float[] all = null;
        int[] cursor = {0};
        float[][] holder = new float[1][];
        NoGrad.run(() -> SampleBatches.forEach(samples, (m, x, from, to) -> {
            NDArray o = model.head(m, head, x);
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
                           ScoringModel.Head head, Metric metric, Progress progress) {
        SampleBatches.require(name, samples);
        int[] k = new int[1];
        float[] intact = outputs(model, samples, head, k);
        List<ScoringModel.Unit> units = level.units(model);
        long total = 0;
        for (ScoringModel.Unit u : units) {
            total += level == Level.FILTER ? u.width() : 1;
        }
        long[] done = {0};
        float[][] scores = new float[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            int unit = u;
            if (level == Level.LAYER) {
                float[] silenced = model.withBlockZeroed(unit, () -> outputs(model, samples, head, new int[1]));
                scores[u] = new float[] {(float) metric.score(intact, silenced, samples.size(), k[0])};
                progress.update(level.phase(name), ++done[0], total, units.get(u).name());
                continue;
            }
            // Every filter's outputs over all samples, filled batch by batch: the model stacks the variants.
            int width = units.get(u).width();
            float[][] silenced = new float[width][samples.size() * k[0]];
            NoGrad.run(() -> SampleBatches.forEach(samples, (m, x, from, to) -> {
                float[][] batch = model.silencedOutputs(m, unit, zeroBatchNorm, head, x);
                for (int f = 0; f < width; f++) {
                    System.arraycopy(batch[f], 0, silenced[f], from * k[0], batch[f].length);
                }
            }));
            scores[u] = new float[width];
            for (int f = 0; f < width; f++) {
                scores[u][f] = (float) metric.score(intact, silenced[f], samples.size(), k[0]);
            }
            done[0] += width;
            progress.update(level.phase(name), done[0], total, units.get(u).name() + " (" + width + " filters)");
        }
        return scores;
    }
}
