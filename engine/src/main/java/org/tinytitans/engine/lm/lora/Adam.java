package org.tinytitans.engine.lm.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.train.NoGrad;
import org.tinytitans.engine.runtime.Devices;

/**
 * Adam (no weight decay) with global-norm gradient clipping for the few small adapter matrices. Moments are
 * kept in Java arrays; the update is applied in place on the DJL parameter and its gradient zeroed, so
 * gradients never accumulate across steps whatever the collector does.
 */
final class Adam {
    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private final Map<String, NDArray> params;
    private final Map<String, float[]> m = new LinkedHashMap<>();
    private final Map<String, float[]> v = new LinkedHashMap<>();
    private int t;

    Adam(Map<String, NDArray> params) {
        this.params = params;
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            int n = (int) e.getValue().size();
            m.put(e.getKey(), new float[n]);
            v.put(e.getKey(), new float[n]);
        }
    }

    void step(double lr, double clip) {
        t++;
        NoGrad.run(() -> {
            try (NDManager scope = Devices.manager()) {
                Map<String, float[]> grads = new LinkedHashMap<>();
                double sq = 0;
                for (Map.Entry<String, NDArray> e : params.entrySet()) {
                    NDArray g = e.getValue().getGradient();
                    g.attach(scope);
                    float[] gv = g.toFloatArray();
                    for (float x : gv) {
                        sq += (double) x * x;
                    }
                    grads.put(e.getKey(), gv);
                    g.muli(0);
                }
                double norm = Math.sqrt(sq);
                double k = norm > clip ? clip / norm : 1.0;
                double c1 = 1 - Math.pow(B1, t);
                double c2 = 1 - Math.pow(B2, t);
                for (Map.Entry<String, NDArray> e : params.entrySet()) {
                    float[] g = grads.get(e.getKey());
                    float[] mm = m.get(e.getKey());
                    float[] vv = v.get(e.getKey());
                    float[] update = new float[g.length];
                    for (int i = 0; i < g.length; i++) {
                        double gi = g[i] * k;
                        mm[i] = (float) (B1 * mm[i] + (1 - B1) * gi);
                        vv[i] = (float) (B2 * vv[i] + (1 - B2) * gi * gi);
                        update[i] = (float) (lr * (mm[i] / c1) / (Math.sqrt(vv[i] / c2) + 1e-8));
                    }
                    NDArray p = e.getValue();
                    p.subi(PtArrays.floats(scope, update, p.getShape()));
                }
            }
        });
    }
}
