package org.tinytitans.engine.criteria;

import java.util.List;
import java.util.Random;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.Progress;

/** Uniform [0,1) scores from a seeded generator, drawn unit by unit, filter by filter (tutorial: np.random.rand). */
record RandomScores(Level level) implements Criterion {

    @Override public String name() { return "random"; }
    @Override public boolean needsData() { return false; }

    @Override
    public float[][] score(ScoringModel model, ImageSet samples, long seed, Progress progress) {
        List<ScoringModel.Unit> units = level.units(model);
        Random r = new Random(seed);
        float[][] scores = new float[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            scores[u] = new float[level == Level.FILTER ? units.get(u).width() : 1];
            for (int f = 0; f < scores[u].length; f++) {
                scores[u][f] = r.nextFloat();
            }
        }
        progress.update(level.phase(name()), units.size(), units.size(), null);
        return scores;
    }
}
