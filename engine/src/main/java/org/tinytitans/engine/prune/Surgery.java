package org.tinytitans.engine.prune;

import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.graph.Layer;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.model.ParamNames;
import org.tinytitans.engine.model.Tensors;

/**
 * Applies a structured plan physically: a new, smaller network of the plan's graph receives the kept slices
 * of every tensor (conv filters and biases along axis 0, BN vectors, depthwise filters; consumers' input
 * channels or dense features along axis 1). Removed blocks' tensors are simply not copied. No masks.
 */
public final class Surgery {

    private Surgery() {}

    public static Network apply(Network source, Plan plan) {
        if (!source.graph().layers().equals(plan.before().layers())) {
            throw new IllegalArgumentException("the plan was made for a different graph than " + source.graph().name());
        }
        Network out = Network.fromGraph(plan.after());
        try {
            for (Layer l : plan.after().layers()) {
                int[] keepOut = plan.keptOut().get(l.name());
                int[] keepIn = plan.keptIn().get(l.name());
                for (ParamNames.Tensor t : ParamNames.of(l)) {
                    float[] v = source.get(t.name());
                    long[] shape = source.shapeOf(t.name());
                    if (keepOut != null) {
                        v = Tensors.select(v, shape, 0, keepOut);
                        shape = Tensors.withDim(shape, 0, keepOut.length);
                    }
                    boolean hasInAxis = t.role().equals("weight") && (l.kind() == Kind.DENSE || !l.depthwise());
                    if (keepIn != null && hasInAxis) {
                        v = Tensors.select(v, shape, 1, keepIn);
                    }
                    out.set(t.name(), v);
                }
            }
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
