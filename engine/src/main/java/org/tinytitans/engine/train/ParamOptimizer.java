package org.tinytitans.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.runtime.Devices;

/**
 * SGD (momentum, Nesterov, coupled weight decay; PyTorch's formulas) and Adam, updating weights in place.
 * Written here rather than taken from DJL because DJL's SGD has no Nesterov. State lives in its own manager;
 * temporaries of a step are attached to the step's manager so nothing accumulates on the model's manager.
 */
final class ParamOptimizer implements AutoCloseable {
    private final TrainConfig c;
    private final List<Parameter> params;
    private final NDManager state;
    private final Map<String, NDArray> first = new HashMap<>();
    private final Map<String, NDArray> second = new HashMap<>();
    private int steps;

    ParamOptimizer(TrainConfig config, List<Parameter> params) {
        this.c = config;
        this.params = params;
        this.state = Devices.manager();
    }

    /** One update with learning rate {@code lr}; gradients are read, then zeroed for the next step. */
    void step(NDManager scope, double lr) {
        steps++;
        NoGrad.run(() -> {
            for (Parameter p : params) {
                NDArray w = p.getArray();
                NDArray grad = w.getGradient();
                grad.attach(scope);
                NDArray g = c.weightDecay() != 0 ? grad.add(tmp(scope, w.mul((float) c.weightDecay()))) : grad.duplicate();
                if (c.optimizer() == TrainConfig.OptimizerKind.SGD) {
                    sgd(scope, p.getId(), w, g, lr);
                } else {
                    adam(scope, p.getId(), w, g, lr);
                }
                grad.muli(0);
            }
        });
    }

    private void sgd(NDManager scope, String id, NDArray w, NDArray g, double lr) {
        if (c.momentum() != 0) {
            NDArray buf = first.get(id);
            if (buf == null) {
                buf = g.duplicate();
                buf.attach(state);
                first.put(id, buf);
            } else {
                buf.muli((float) c.momentum()).addi(g);
            }
            g = c.nesterov() ? g.add(tmp(scope, buf.mul((float) c.momentum()))) : buf;
        }
        w.subi(tmp(scope, g.mul((float) lr)));
    }

    private void adam(NDManager scope, String id, NDArray w, NDArray g, double lr) {
        double b1 = 0.9;
        double b2 = 0.999;
        NDArray m = first.computeIfAbsent(id, k -> keep(g.zerosLike()));
        NDArray v = second.computeIfAbsent(id, k -> keep(g.zerosLike()));
        m.muli((float) b1).addi(g.mul((float) (1 - b1)));
        v.muli((float) b2).addi(g.square().muli((float) (1 - b2)));
        double mHat = 1 - Math.pow(b1, steps);
        double vHat = 1 - Math.pow(b2, steps);
        NDArray denom = tmp(scope, v.div((float) vHat)).sqrt().addi(1e-8f);
        NDArray update = tmp(scope, m.mul((float) (lr / mHat))).divi(denom);
        w.subi(update);
    }

    private NDArray keep(NDArray a) {
        a.attach(state);
        return a;
    }

    private static NDArray tmp(NDManager scope, NDArray a) {
        a.attach(scope);
        return a;
    }

    @Override
    public void close() {
        state.close();
    }
}
