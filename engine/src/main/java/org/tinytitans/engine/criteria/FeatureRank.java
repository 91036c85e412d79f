package org.tinytitans.engine.criteria;

import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.Progress;

/**
 * HRank (Lin et al., CVPR 2020): a filter's score is the mean over samples of the matrix rank of its HxW
 * post-ReLU feature map. For layers (tutorial's criteria_layer): per channel of the block output the mean rank,
 * divided by max(H,W), then the mean over channels.
 */
record FeatureRank(Level level) implements Criterion {

    @Override public String name() { return "rank"; }
    @Override public boolean needsData() { return true; }

    @Override
    public float[][] score(ScoringModel model, ImageSet samples, long seed, Progress progress) {
        // one SVD per (sample, channel) map: the bulk of the cost, spread over the cores
        Activations.ChannelMeans m = Activations.channelMeans(level, model, samples, name(), progress, MatrixRank::rank);
        float[][] scores = new float[m.means().length][];
        for (int u = 0; u < scores.length; u++) {
            scores[u] = level == Level.FILTER ? toFloat(m.means()[u]) : new float[] {(float) (mean(m.means()[u]) / m.side()[u])};
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
