package org.tinytitans.engine.criteria;

import java.util.List;
import java.util.stream.IntStream;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.Progress;

/**
 * HRank (Lin et al., CVPR 2020): a filter's score is the mean over samples of the matrix rank of its HxW
 * post-ReLU feature map. For layers (tutorial's criteria_layer): per channel of the block output the mean rank,
 * divided by max(H,W), then the mean over channels.
 */
final class FeatureRank implements Criterion {
    private final Level level;

    FeatureRank(Level level) {
        this.level = level;
    }

    @Override
    public String name() {
        return "rank";
    }

    @Override
    public boolean needsData() {
        return true;
    }

    @Override
    public float[][] score(ScoringModel model, ImageSet samples, long seed, Progress progress) {
        SampleBatches.require(name(), samples);
        List<ScoringModel.Unit> units = level.units(model);
        double[][] sums = new double[units.size()][];
        int[] dims = new int[units.size()];
        Activations.walk(level, model, samples, name(), progress, (u, a, n, c, h, w) -> {
            if (sums[u] == null) {
                sums[u] = new double[c];
            }
            dims[u] = Math.max(h, w);
            // One SVD per (sample, channel) map: the bulk of the cost, spread over the cores.
            int[] ranks = IntStream.range(0, n * c).parallel().map(j -> MatrixRank.rank(a, j * h * w, h, w)).toArray();
            for (int j = 0; j < ranks.length; j++) {
                sums[u][j % c] += ranks[j];
            }
        });
        float[][] scores = new float[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            double[] perChannel = sums[u];
            for (int ch = 0; ch < perChannel.length; ch++) {
                perChannel[ch] /= samples.size();
            }
            scores[u] = level == Level.FILTER ? toFloat(perChannel) : new float[] {(float) (mean(perChannel) / dims[u])};
        }
        return scores;
    }

    static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static double mean(double[] d) {
        double s = 0;
        for (double v : d) {
            s += v;
        }
        return d.length == 0 ? 0 : s / d.length;
    }
}
