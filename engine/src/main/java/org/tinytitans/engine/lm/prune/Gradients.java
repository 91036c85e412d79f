package org.tinytitans.engine.lm.prune;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.HashMap;
import java.util.Map;
import org.tinytitans.engine.lm.model.Inference;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Owned;
import org.tinytitans.engine.lm.model.Transformer;
import org.tinytitans.engine.weights.Tensor;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.runtime.TorchRuntime;

/**
 * Gradients of the calibration loss (mean next-token cross-entropy) with respect to every weight, for the
 * first-order Taylor criterion |w * dL/dw| (LLM-Pruner's element-wise importance).
 */
public final class Gradients {
    private Gradients() {}

    public static Map<String, float[]> of(LanguageModel model, Calibration calib) {
        TorchRuntime.engine();
        Map<String, float[]> out = new HashMap<>();
        try (NDManager params = Devices.manager()) {
            Map<String, NDArray> w = new HashMap<>();
            for (Map.Entry<String, Tensor> e : model.weights().entrySet()) {
                NDArray a = Owned.floats(params, e.getValue().values(), new Shape(e.getValue().shape()));
                a.setRequiresGradient(true);
                w.put(e.getKey(), a);
            }
            Transformer tf = new Transformer(model.config(), w::get);
            int batch = Math.max(1, 2048 / calib.seqLen());
            int n = calib.windows().length;
            for (int i = 0; i < n; i += batch) {
                int to = Math.min(n, i + batch);
                try (NDManager s = Devices.manager(); GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                    NDArray loss = Transformer.crossEntropy(s, tf.logits(s, calib.inputs(i, to), null, null), calib.targets(i, to));
                    // weight each batch by its share of windows so the sum is the mean over all windows
                    gc.backward(loss.mul(Transformer.constant(loss, (float) (to - i) / n)));
                }
                // accumulate here and zero, whether or not DJL's collector zeroes gradients itself
                for (Map.Entry<String, NDArray> e : w.entrySet()) {
                    try (NDArray g = e.getValue().getGradient()) {
                        float[] v = g.toFloatArray();
                        float[] acc = out.computeIfAbsent(e.getKey(), k -> new float[v.length]);
                        for (int j = 0; j < v.length; j++) {
                            acc[j] += v[j];
                        }
                        Inference.call(() -> g.muli(0));
                    }
                }
            }
        }
        return out;
    }
}
