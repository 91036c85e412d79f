package org.tinytitans.engine.criteria;

import java.util.List;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.Progress;

/**
 * First-order Taylor (Molchanov et al.): per filter |sum a * dL/da| from {@link ScoringModel#taylorScores}, one
 * value per batch, summed over batches and divided by the number of samples (a per-sample average that does not
 * change the ranking but keeps scores comparable across sample counts).
 */
final class Taylor implements Criterion {

    @Override public String name() { return "taylor"; }
    @Override public boolean needsData() { return true; }

    @Override
    public float[][] score(ScoringModel model, ImageSet samples, long seed, Progress progress) {
        SampleBatches.require(name(), samples);
        List<ScoringModel.Unit> units = model.filterUnits();
        double[][] sums = new double[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            sums[u] = new double[units.get(u).width()];
        }
        SampleBatches.forEach(samples, (m, x, from, to) -> {
            List<float[]> batch = model.taylorScores(m, x, SampleBatches.labels(samples, from, to));
            if (batch.size() != units.size()) {
                throw new IllegalStateException("taylorScores returned " + batch.size() + " units, expected " + units.size());
            }
            for (int u = 0; u < units.size(); u++) {
                for (int f = 0; f < sums[u].length; f++) {
                    sums[u][f] += batch.get(u)[f];
                }
            }
            progress.update("score taylor (filters)", to, samples.size(), null);
        });
        float[][] scores = new float[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            for (int f = 0; f < sums[u].length; f++) {
                sums[u][f] /= samples.size();
            }
            scores[u] = FeatureRank.toFloat(sums[u]);
        }
        return scores;
    }
}
