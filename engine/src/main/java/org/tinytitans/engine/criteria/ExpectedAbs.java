package org.tinytitans.engine.criteria;

import java.util.List;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.Progress;

/**
 * DropNet's expected absolute activation: per channel sum |a| / (N*H*W) at the post-ReLU activation of a filter
 * unit; for layers the same on the block output, averaged over channels. The tutorial runs it over the whole
 * train set; here over whatever samples are given.
 */
final class ExpectedAbs implements Criterion {
    private final Level level;

    ExpectedAbs(Level level) {
        this.level = level;
    }

    @Override
    public String name() {
        return "expected-abs";
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
        long[] counts = new long[units.size()];
        Activations.walk(level, model, samples, name(), progress, (u, a, n, c, h, w) -> {
            if (sums[u] == null) {
                sums[u] = new double[c];
            }
            int plane = h * w;
            for (int i = 0; i < n; i++) {
                for (int ch = 0; ch < c; ch++) {
                    int base = (i * c + ch) * plane;
                    double s = 0;
                    for (int k = 0; k < plane; k++) {
                        s += Math.abs(a[base + k]);
                    }
                    sums[u][ch] += s;
                }
            }
            counts[u] += (long) n * plane;
        });
        float[][] scores = new float[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            double[] perChannel = sums[u];
            for (int ch = 0; ch < perChannel.length; ch++) {
                perChannel[ch] /= counts[u];
            }
            scores[u] = level == Level.FILTER ? FeatureRank.toFloat(perChannel) : new float[] {(float) FeatureRank.mean(perChannel)};
        }
        return scores;
    }
}
