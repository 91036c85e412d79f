package org.tinytitans.engine.criteria;

import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.Progress;

/**
 * DropNet's expected absolute activation: per channel sum |a| / (N*H*W) at the post-ReLU activation of a filter
 * unit; for layers the same on the block output, averaged over channels. The tutorial runs it over the whole
 * train set; here over whatever samples are given.
 */
record ExpectedAbs(Level level) implements Criterion {

    @Override public String name() { return "expected-abs"; }
    @Override public boolean needsData() { return true; }

    @Override
    public float[][] score(ScoringModel model, ImageSet samples, long seed, Progress progress) {
        Activations.ChannelMeans m = Activations.channelMeans(level, model, samples, name(), progress, (a, offset, h, w) -> {
            double s = 0;
            for (int k = offset; k < offset + h * w; k++) {
                s += Math.abs(a[k]);
            }
            return s / (h * w);
        });
        float[][] scores = new float[m.means().length][];
        for (int u = 0; u < scores.length; u++) {
            scores[u] = level == Level.FILTER ? FeatureRank.toFloat(m.means()[u]) : new float[] {(float) FeatureRank.mean(m.means()[u])};
        }
        return scores;
    }
}
