package org.tinytitans.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.runtime.Devices;

/** Accuracy and loss of a Block on an ImageSet, batched, each batch in its own NDManager (no leaks). */
public final class Evaluator {
    private Evaluator() { }

    public static Evaluation evaluate(Block block, ImageSet set, int batchSize) {
        return evaluate(block, set, batchSize, Progress.NONE);
    }

    public static Evaluation evaluate(Block block, ImageSet set, int batchSize, Progress progress) {
        if (set.size() == 0) {
            throw new IllegalArgumentException("cannot evaluate on an empty set " + set.name());
        }
        return NoGrad.call(() -> {
            long correct = 0;
            double lossSum = 0;
            for (int from = 0; from < set.size(); from += batchSize) {
                int to = Math.min(set.size(), from + batchSize);
                try (NDManager m = Devices.manager()) {
                    NDArray logits = logits(block, m, set, from, to);
                    NDArray labels = m.create(java.util.Arrays.copyOfRange(set.labels(), from, to));
                    lossSum += Losses.crossEntropy(logits, labels).getFloat() * (to - from);
                    correct += countCorrect(logits, set.labels(), from);
                }
                progress.update("evaluate", to, set.size(), null);
            }
            return new Evaluation((double) correct / set.size(), lossSum / set.size(), set.size());
        });
    }

    /** Inference logits of images [from,to) of the set, on manager {@code m}. */
    static NDArray logits(Block block, NDManager m, ImageSet set, int from, int to) {
        NDArray x = m.create(set.batchPixels(from, to), new Shape(to - from, set.channels(), set.height(), set.width()));
        return block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
    }

    static long countCorrect(NDArray logits, int[] labels, int offset) {
        long[] predicted = logits.argMax(1).toLongArray();
        long correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == labels[offset + i]) {
                correct++;
            }
        }
        return correct;
    }
}
