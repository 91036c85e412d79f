package org.tinytitans.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.zoo.Zoo;

/** The deployed form (batch norms folded into their convs) computes what the training form computes. */
class InferenceFormTest {

    @Test
    void foldedFormGivesTheTrainingFormsLogitsWithin1e5Relative() {
        for (String model : List.of("resnet20", "mnist-cnn", "vgg16-cifar", "mobilenetv2")) {
            try (Network net = Network.create(Zoo.build(model), 3); NDManager m = Devices.manager()) {
                NetworkTest.randomiseBatchNorm(net, 11);
                NDArray x = NetworkTest.batch(m, net, 5);
                float[] expected = net.forward(x).toFloatArray();
                try (InferenceForm form = InferenceForm.of(net)) {
                    long batchNorms = net.graph().layers().stream().filter(l -> l.kind() == Kind.BATCH_NORM).count();
                    long left = form.graph().layers().stream().filter(l -> l.kind() == Kind.BATCH_NORM).count();
                    assertTrue(form.foldedBatchNorms() > 0, model + " has batch norms after convs");
                    assertEquals(batchNorms - form.foldedBatchNorms(), left, model);
                    assertEquals(net.graph().counts().macs() >= form.graph().counts().macs(), true, model);
                    NDList out = form.block().forward(new ParameterStore(m, false), new NDList(x), false);
                    float[] actual = out.head().toFloatArray();
                    assertEquals(expected.length, actual.length);
                    double scale = 0;
                    for (float v : expected) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], actual[i], 1e-5 * scale, model + " logit " + i);
                    }
                }
            }
        }
    }

    @Test
    void theFormKeepsItsOwnWeights() {
        try (Network net = Network.create(Zoo.build("mnist-cnn"), 1); NDManager m = Devices.manager()) {
            NDArray x = NetworkTest.batch(m, net, 2);
            try (InferenceForm form = InferenceForm.of(net)) {
                float[] before = form.block().forward(new ParameterStore(m, false), new NDList(x), false).head().toFloatArray();
                String first = net.parameterNames().get(0);
                net.set(first, new float[net.get(first).length]);
                float[] after = form.block().forward(new ParameterStore(m, false), new NDList(x), false).head().toFloatArray();
                for (int i = 0; i < before.length; i++) {
                    assertEquals(before[i], after[i], 0f);
                }
            }
        }
    }
}
