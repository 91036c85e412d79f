package org.tinytitans.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.runtime.TorchRuntime;

/**
 * Fine-tunes an initialised Block (PyTorch engine) on an ImageSet with its own loop around a GradientCollector:
 * per batch its own NDManager, seeded shuffling and augmentation, lr schedule per batch, optional distillation.
 * PyTorch allows one GradientCollector per process at a time, so fine-tunings in one JVM must not overlap.
 */
public final class FineTuner {
    private FineTuner() { }

    public static List<EpochStats> train(Block block, ImageSet train, TrainConfig config, Progress progress) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("cannot fine-tune on an empty set " + train.name());
        }
        List<Parameter> params = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                if (!p.getValue().isInitialized()) {
                    throw new IllegalStateException("parameter " + p.getKey() + " is not initialised; initialise the block first");
                }
                p.getValue().getArray().setRequiresGradient(true);
                params.add(p.getValue());
            }
        }
        LrSchedule schedule = new LrSchedule(config);
        Random random = new Random(config.seed());
        int perEpoch = train.size() * config.copiesPerEpoch();
        int batches = (perEpoch + config.batchSize() - 1) / config.batchSize();
        long totalBatches = (long) batches * config.epochs();
        List<EpochStats> history = new ArrayList<>();
        try (ParamOptimizer optimizer = new ParamOptimizer(config, params)) {
            for (int epoch = 0; epoch < config.epochs(); epoch++) {
                long start = System.nanoTime();
                int[] order = shuffledCopies(train.size(), config.copiesPerEpoch(), random);
                double lossSum = 0;
                long correct = 0;
                double lr = 0;
                for (int b = 0; b < batches; b++) {
                    int from = b * config.batchSize();
                    int to = Math.min(order.length, from + config.batchSize());
                    lr = schedule.at(epoch + (double) b / batches);
                    float[] x = batch(train, Arrays.copyOfRange(order, from, to), config.augmentation(), random);
                    int[] y = new int[to - from];
                    for (int i = from; i < to; i++) {
                        y[i - from] = train.labels()[order[i]];
                    }
                    try (NDManager m = Devices.manager()) {
                        double[] lossAndCorrect = step(block, m, train, x, y, config, optimizer, lr);
                        lossSum += lossAndCorrect[0] * y.length;
                        correct += (long) lossAndCorrect[1];
                    }
                    progress.update("fine-tune", (long) epoch * batches + b + 1, totalBatches,
                            String.format("epoch %d/%d batch %d/%d loss %.4f lr %.3g", epoch + 1, config.epochs(),
                                    b + 1, batches, lossSum / Math.max(1, to), lr));
                }
                EpochStats stats = new EpochStats(epoch + 1, lossSum / order.length, (double) correct / order.length, lr,
                        (System.nanoTime() - start) / 1e9);
                history.add(stats);
                progress.update("fine-tune epoch", epoch + 1, config.epochs(),
                        String.format("epoch %d/%d loss %.4f acc %.4f", epoch + 1, config.epochs(), stats.loss(), stats.accuracy()));
            }
        }
        return history;
    }

    /** Forward, loss, backward, update. Returns {mean loss, correct count} of the batch. */
    private static double[] step(Block block, NDManager m, ImageSet set, float[] pixels, int[] labels,
                                 TrainConfig config, ParamOptimizer optimizer, double lr) {
        NDArray x = m.create(pixels, new Shape(labels.length, set.channels(), set.height(), set.width()));
        NDArray y = m.create(labels);
        Distillation kd = config.distillation();
        // Teacher logits before the collector opens: no graph is recorded through the teacher.
        NDArray teacher = kd == null ? null : NoGrad.call(() ->
                kd.teacher().forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow());
        double loss;
        long correct;
        try (GradientCollector collector = TorchRuntime.engine().newGradientCollector()) {
            NDArray logits = block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
            NDArray l = Losses.crossEntropy(logits, y);
            if (kd != null) {
                // Scalars as arrays of this step's manager, alive until backward has read them (see Losses).
                NDArray alpha = m.create((float) kd.alpha());
                NDArray rest = m.create((float) (1 - kd.alpha()));
                l = l.mul(rest).add(Losses.distillation(logits, teacher, kd.temperature()).mul(alpha));
            }
            collector.backward(l);
            loss = l.getFloat();
            correct = Evaluator.countCorrect(logits, labels, 0);
        }
        optimizer.step(m, lr);
        return new double[] {loss, correct};
    }

    /** {@code copies} shuffled passes over {@code n} indices, concatenated. */
    static int[] shuffledCopies(int n, int copies, Random random) {
        int[] order = new int[n * copies];
        for (int i = 0; i < order.length; i++) {
            order[i] = i % n;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private static float[] batch(ImageSet set, int[] indices, TrainConfig.Augmentation aug, Random random) {
        float[] x = set.subset(indices).pixels();
        if (aug == TrainConfig.Augmentation.NONE) {
            return x;
        }
        float[] out = new float[x.length];
        Augment.padCropFlip(x, out, indices.length, set.channels(), set.height(), set.width(),
                aug == TrainConfig.Augmentation.CIFAR, random);
        return out;
    }
}
