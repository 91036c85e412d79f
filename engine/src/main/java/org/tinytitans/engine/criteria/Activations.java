package org.tinytitans.engine.criteria;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.train.NoGrad;
import org.tinytitans.engine.train.Progress;

/** Feeds every sample batch through the network and hands each unit's (N,C,H,W) activations to a consumer. */
final class Activations {

    /** Receives one batch of one unit's activations as a flat NCHW float array. */
    interface Consumer {
        void accept(int unit, float[] nchw, int n, int c, int h, int w);
    }

    private Activations() { }

    static void walk(Level level, ScoringModel model, ImageSet samples, String criterion, Progress progress, Consumer consumer) {
        List<ScoringModel.Unit> units = level.units(model);
        int[] done = {0};
        NoGrad.run(() -> SampleBatches.forEach(samples, (m, x, from, to) -> {
            for (int u = 0; u < units.size(); u++) {
                NDArray a = level == Level.FILTER ? model.filterActivations(m, u, x) : model.blockActivations(m, u, x);
                long[] s = a.getShape().getShape();
                if (s.length != 4) {
                    throw new IllegalStateException("activations of " + units.get(u).name() + " are not NCHW: " + a.getShape());
                }
                consumer.accept(u, a.toType(DataType.FLOAT32, false).toFloatArray(), (int) s[0], (int) s[1], (int) s[2], (int) s[3]);
            }
            done[0] = to;
            progress.update(level.phase(criterion), to, samples.size(), null);
        }));
    }
}
