package org.tinytitans.engine.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.zoo.Zoo;

/** The block trains as DJL blocks do: gradients reach every kernel and BN running statistics move. */
class TrainingCompatTest {

    @Test
    void gradientsFlowAndBatchNormStatisticsUpdate() {
        try (Network net = Network.create(Zoo.build("mnist-cnn"), 1); NDManager m = NDManager.newBaseManager()) {
            float[] meanBefore = net.get("bn1.running_mean");
            NDArray x = m.randomNormal(new Shape(4, 1, 28, 28));
            NDArray y = m.create(new int[] {1, 2, 3, 4}).oneHot(10);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.block().forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                gc.backward(logits.logSoftmax(1).mul(y).sum().neg());
            }
            for (String k : new String[] {"conv1.weight", "conv2.weight", "fc1.weight", "fc.bias", "bn2.gamma"}) {
                NDArray g = net.param(k).getArray().getGradient();
                assertTrue(g.abs().sum().getFloat() > 0, "no gradient reached " + k);
            }
            float[] meanAfter = net.get("bn1.running_mean");
            boolean moved = false;
            for (int i = 0; i < meanAfter.length; i++) {
                moved |= meanAfter[i] != meanBefore[i];
            }
            assertTrue(moved, "training-mode forward must update BN running statistics");
        }
    }
}
