package org.tinytitans.engine.lm.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.train.NoGrad;

/** AdamW (decoupled decay on matrices only) with global-norm gradient clipping. */
public final class AdamW {

    /** Linear warm-up over 5% of the steps, then cosine decay to a tenth of {@code lr}. */
    public static double schedule(double lr, int steps, int step) {
        int warm = Math.max(1, steps / 20);
        if (step <= warm) {
            return lr * step / warm;
        }
        double p = (double) (step - warm) / Math.max(1, steps - warm);
        return lr * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * p)));
    }

    private final NDManager state;
    private final Map<String, NDArray> w;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private final double decay;
    private int t;

    public AdamW(NDManager state, Map<String, NDArray> w, double decay) {
        this.state = state;
        this.w = w;
        this.decay = decay;
        for (Map.Entry<String, NDArray> e : w.entrySet()) {
            m.put(e.getKey(), state.zeros(e.getValue().getShape()));
            v.put(e.getKey(), state.zeros(e.getValue().getShape()));
        }
    }

    public void step(double lr, double clip) {
        t++;
        NoGrad.run(() -> {
            try (NDManager scope = state.newSubManager()) {
                double sq = 0;
                for (NDArray p : w.values()) {
                    NDArray g = p.getGradient();
                    g.attach(scope);
                    sq += g.square().sum().getFloat();
                }
                double norm = Math.sqrt(sq);
                float scale = (float) (norm > clip ? clip / norm : 1.0);
                double b1 = 0.9;
                double b2 = 0.95;
                double c1 = 1 - Math.pow(b1, t);
                double c2 = 1 - Math.pow(b2, t);
                for (Map.Entry<String, NDArray> e : w.entrySet()) {
                    NDArray p = e.getValue();
                    NDArray g = p.getGradient();
                    g.attach(scope);
                    NDArray gs = g.mul(scale);
                    NDArray mm = m.get(e.getKey());
                    NDArray vv = v.get(e.getKey());
                    mm.muli((float) b1).addi(gs.mul((float) (1 - b1)));
                    vv.muli((float) b2).addi(gs.square().muli((float) (1 - b2)));
                    if (p.getShape().dimension() > 1) {
                        p.muli((float) (1 - lr * decay));
                    }
                    NDArray mHat = mm.div((float) c1);
                    mHat.attach(scope);
                    NDArray vHat = vv.div((float) c2);
                    vHat.attach(scope);
                    p.subi(mHat.divi(vHat.sqrt().addi(1e-8f)).muli((float) lr));
                    g.muli(0);
                }
            }
        });
    }
}
