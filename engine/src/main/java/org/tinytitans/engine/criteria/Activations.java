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

    /** A figure of one (sample, channel) map of {@code h x w} values starting at {@code offset}. */
    interface MapFigure {
        double of(float[] a, int offset, int h, int w);
    }

    /**
     * Per unit and channel, the mean over the samples of {@code figure} on each (sample, channel) map; {@code side}
     * is each unit's larger map side. The maps of a batch are scored in parallel (an SVD each, for rank).
     */
    record ChannelMeans(double[][] means, int[] side) {}

    static ChannelMeans channelMeans(Level level, ScoringModel model, ImageSet samples, String criterion, Progress progress,
                                     MapFigure figure) {
        SampleBatches.require(criterion, samples);
        int units = level.units(model).size();
        double[][] sums = new double[units][];
        int[] side = new int[units];
        walk(level, model, samples, criterion, progress, (u, a, n, c, h, w) -> {
            if (sums[u] == null) {
                sums[u] = new double[c];
            }
            side[u] = Math.max(h, w);
            double[] f = java.util.stream.IntStream.range(0, n * c).parallel().mapToDouble(j -> figure.of(a, j * h * w, h, w)).toArray();
            for (int j = 0; j < f.length; j++) {
                sums[u][j % c] += f[j];
            }
        });
        for (double[] perChannel : sums) {
            for (int ch = 0; perChannel != null && ch < perChannel.length; ch++) {
                perChannel[ch] /= samples.size();
            }
        }
        return new ChannelMeans(sums, side);
    }
}
