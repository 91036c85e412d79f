package org.tinytitans.engine.lm.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.Map;
import org.tinytitans.engine.lm.model.Inference;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Names;
import org.tinytitans.engine.lm.model.Recorder;
import org.tinytitans.engine.lm.model.Transformer;
import org.tinytitans.engine.runtime.Devices;

/**
 * What the calibration pass records: per linear input the squared column norms (Wanda's ||X_j||^2), optionally
 * the Gram matrix X^T X (SparseGPT's Hessian up to a factor), and per decoder layer the mean cosine between its
 * input and output residual streams (ShortGPT's block influence is 1 minus it).
 */
public final class ActivationStats implements Recorder {
    private final boolean hessians;
    private final Map<String, double[]> sq = new HashMap<>();
    private final Map<String, double[]> gram = new HashMap<>();
    private final Map<String, Long> rows = new HashMap<>();
    private final double[] cosSum;
    private final long[] cosCount;

    private ActivationStats(int layers, boolean hessians) {
        this.hessians = hessians;
        this.cosSum = new double[layers];
        this.cosCount = new long[layers];
    }

    /** Runs the calibration windows through the model, recording. */
    public static ActivationStats collect(LanguageModel model, Calibration calib, boolean hessians) {
        ActivationStats stats = new ActivationStats(model.config().layers(), hessians);
        Transformer tf = model.transformer();
        int batch = Math.max(1, 2048 / calib.seqLen());
        Inference.call(() -> {
            for (int i = 0; i < calib.windows().length; i += batch) {
                int to = Math.min(calib.windows().length, i + batch);
                try (NDManager s = Devices.manager()) {
                    tf.hidden(s, calib.inputs(i, to), null, stats);
                }
            }
            return null;
        });
        return stats;
    }

    @Override
    public void linearInput(int layer, String linear, NDArray x) {
        long in = x.getShape().get(2);
        NDArray flat = x.reshape(-1, in);
        String key = Names.layer(layer, linear);
        add(sq, key, flat.square().sum(new int[] {0}).toFloatArray());
        rows.merge(key, flat.getShape().get(0), Long::sum);
        if (hessians) {
            add(gram, key, flat.transpose().matMul(flat).toFloatArray());
        }
    }

    @Override
    public void layer(int layer, NDArray in, NDArray out) {
        NDArray dot = in.mul(out).sum(new int[] {-1});
        NDArray norms = in.norm(new int[] {-1}).mul(out.norm(new int[] {-1})).addi(1e-12f);
        float[] cos = dot.div(norms).toFloatArray();
        for (float c : cos) {
            cosSum[layer] += c;
        }
        cosCount[layer] += cos.length;
    }

    private static void add(Map<String, double[]> map, String key, float[] v) {
        double[] acc = map.computeIfAbsent(key, k -> new double[v.length]);
        for (int i = 0; i < v.length; i++) {
            acc[i] += v[i];
        }
    }

    /** ||X_j||_2 per input column of the linears fed by {@code linear} ("q", "o", "up", "down") in a layer. */
    public double[] inputNorms(int layer, String linear) {
        double[] s = sq.get(Names.layer(layer, linear));
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = Math.sqrt(s[i]);
        }
        return out;
    }

    /** X^T X (in x in, row-major) for the linear input; needs {@code hessians}. */
    public double[] gram(int layer, String linear) {
        double[] g = gram.get(Names.layer(layer, linear));
        if (g == null) {
            throw new IllegalStateException("Hessians were not collected");
        }
        return g;
    }

    public long rows(int layer, String linear) {
        return rows.get(Names.layer(layer, linear));
    }

    /** ShortGPT block influence: 1 - E[cos(x_in, x_out)]; 0 for a layer that leaves the stream unchanged. */
    public double blockInfluence(int layer) {
        return 1 - cosSum[layer] / cosCount[layer];
    }
}
