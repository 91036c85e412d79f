package org.tinytitans.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Layer;
import org.tinytitans.engine.graph.ShapeRules;

/**
 * One DJL block that executes a {@link Graph} node by node with functional ops. A single flat block (rather
 * than nested DJL layers) keeps parameter names equal to the graph's layer names, lets any node's output be
 * read (criteria need post-ReLU maps and block outputs) and lets a gradient probe be added at any node.
 * Forward returns logits: a Keras dense layer's fused softmax is left to the caller.
 */
public final class GraphBlock extends AbstractBlock {

    private final Graph graph;
    private final Map<String, Parameter> params = new LinkedHashMap<>();

    public GraphBlock(Graph graph) {
        super((byte) 1);
        this.graph = graph;
        for (Layer l : graph.layers()) {
            for (ParamNames.Tensor t : ParamNames.of(l)) {
                Parameter p = addParameter(Parameter.builder().setName(t.name()).setType(type(t.role()))
                        .optShape(new Shape(t.shape())).optInitializer(initializer(l, t.role()))
                        .optRequiresGrad(!t.role().startsWith("running")).build());
                params.put(t.name(), p);
            }
        }
    }

    public Graph graph() { return graph; }

    /** Parameters by their tensor name, in graph order. */
    public Map<String, Parameter> params() { return params; }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> p) {
        String out = graph.outputLayer().name();
        return new NDList(run(ps, inputs.singletonOrThrow(), training, Set.of(out), Map.of()).get(out));
    }

    /**
     * Runs the graph and returns the outputs of the {@code wanted} nodes. {@code probes} are added to the
     * named nodes' outputs (zeros with a gradient give dL/d(output) of that node).
     */
    public Map<String, NDArray> run(ParameterStore ps, NDArray x, boolean training, Set<String> wanted, Map<String, NDArray> probes) {
        Map<String, NDArray> values = new HashMap<>();
        Map<String, NDArray> result = new LinkedHashMap<>();
        for (Layer l : graph.layers()) {
            NDArray v = apply(ps, l, x, values, x.getDevice(), training);
            NDArray probe = probes.get(l.name());
            if (probe != null) {
                v = v.add(probe);
            }
            values.put(l.name(), v);
            if (wanted.contains(l.name())) {
                result.put(l.name(), v);
                if (result.size() == wanted.size()) {
                    break; // later layers are not needed: criteria probing early layers stay cheap
                }
            }
        }
        return result;
    }

    /**
     * Inference from layer index {@code from} on, given the values of the earlier layers it reads
     * ({@code known}); {@code masks} multiply the named nodes' outputs (broadcast, e.g. (N,C,1,1)). Each
     * intermediate is freed after its last reader, so a large stacked batch holds only a few maps at a time.
     */
    public Map<String, NDArray> runFrom(ParameterStore ps, Map<String, NDArray> known, int from, Set<String> wanted,
                                        Map<String, NDArray> masks) {
        List<Layer> layers = graph.layers();
        Map<String, Integer> lastRead = new HashMap<>();
        for (int i = from; i < layers.size(); i++) {
            for (String in : layers.get(i).inputs()) {
                lastRead.put(in, i);
            }
        }
        Map<String, NDArray> values = new HashMap<>(known);
        Map<String, NDArray> result = new LinkedHashMap<>();
        Device d = known.values().iterator().next().getDevice();
        for (int i = from; i < layers.size() && result.size() < wanted.size(); i++) {
            Layer l = layers.get(i);
            NDArray v = apply(ps, l, null, values, d, false);
            NDArray mask = masks.get(l.name());
            if (mask != null) {
                NDArray raw = v;
                v = v.mul(mask);
                raw.close();
            }
            values.put(l.name(), v);
            if (wanted.contains(l.name())) {
                result.put(l.name(), v);
            }
            for (String in : l.inputs()) {
                if (lastRead.get(in) == i && !wanted.contains(in) && !known.containsKey(in)) {
                    values.remove(in).close();
                }
            }
        }
        return result;
    }

    private NDArray apply(ParameterStore ps, Layer l, NDArray x, Map<String, NDArray> values, Device d, boolean training) {
        NDArray in = l.inputs().isEmpty() ? x : values.get(l.inputs().get(0));
        return switch (l.kind()) {
            case INPUT -> x;
            case CONV -> conv(l, in, value(ps, l, "weight", d, training), l.bias() ? value(ps, l, "bias", d, training) : null);
            case BATCH_NORM -> BatchNorm.batchNorm(in, value(ps, l, "running_mean", d, training), value(ps, l, "running_var", d, training),
                    value(ps, l, "gamma", d, training), value(ps, l, "beta", d, training), 1,
                    l.eps() >= 1e-3 ? 0.99f : 0.9f, (float) l.eps(), training).singletonOrThrow();
            case RELU -> ai.djl.nn.Activation.relu(in);
            case RELU6 -> in.clip(0, 6);
            case ADD -> in.add(values.get(l.inputs().get(1)));
            case MAX_POOL -> Pool.maxPool2d(in, square(l.kernel()), square(l.stride()), square(l.pad()), false);
            case AVG_POOL -> Pool.avgPool2d(in, square(l.kernel()), square(l.stride()), square(l.pad()), false, true);
            case GLOBAL_AVG_POOL -> in.reshape(in.getShape().get(0), in.getShape().get(1), -1).mean(new int[] {2}).reshape(in.getShape().get(0), in.getShape().get(1), 1, 1);
            case FLATTEN -> in.reshape(in.getShape().get(0), -1);
            case DENSE -> Linear.linear(in.reshape(in.getShape().get(0), -1), value(ps, l, "weight", d, training),
                    l.bias() ? value(ps, l, "bias", d, training) : null).singletonOrThrow();
            case SOFTMAX -> in.softmax(1);
            case PAD_SHORTCUT -> {
                NDArray s = in.get(":, :, ::" + l.stride() + ", ::" + l.stride());
                int extra = l.out() - l.in();
                yield s.pad(new Shape(0, 0, 0, 0, extra / 2, extra - extra / 2), 0);
            }
        };
    }

    private NDArray conv(Layer l, NDArray in, NDArray w, NDArray b) {
        int k = l.kernel(), s = l.stride();
        Shape padding;
        if (l.pad() == Layer.SAME) {
            int[] ph = ShapeRules.samePadding((int) in.getShape().get(2), k, s);
            int[] pw = ShapeRules.samePadding((int) in.getShape().get(3), k, s);
            if (ph[0] == ph[1] && pw[0] == pw[1]) {
                padding = new Shape(ph[0], pw[0]);
            } else {
                // TF 'same' with stride 2 pads bottom/right only; PyTorch padding is symmetric, so pad by hand.
                in = in.pad(new Shape(pw[0], pw[1], ph[0], ph[1]), 0);
                padding = new Shape(0, 0);
            }
        } else {
            padding = square(l.pad());
        }
        return Conv2d.conv2d(in, w, b, square(s), padding, square(1), l.groups()).singletonOrThrow();
    }

    private NDArray value(ParameterStore ps, Layer l, String role, Device d, boolean training) {
        return ps.getValue(params.get(l.name() + "." + role), d, training);
    }

    private static Shape square(int n) { return new Shape(n, n); }

    private static Parameter.Type type(String role) {
        return switch (role) {
            case "weight" -> Parameter.Type.WEIGHT;
            case "bias" -> Parameter.Type.BIAS;
            case "gamma" -> Parameter.Type.GAMMA;
            case "beta" -> Parameter.Type.BETA;
            case "running_mean" -> Parameter.Type.RUNNING_MEAN;
            default -> Parameter.Type.RUNNING_VAR;
        };
    }

    /** He-normal kernels (as Keras he_normal / torchvision), zero biases and betas, unit gammas and variances. */
    private static Initializer initializer(Layer l, String role) {
        return switch (role) {
            case "weight" -> new NormalInitializer((float) Math.sqrt(2.0 / fanIn(l)));
            case "gamma", "running_var" -> Initializer.ONES;
            default -> Initializer.ZEROS;
        };
    }

    private static long fanIn(Layer l) {
        return l.kind() == org.tinytitans.engine.graph.Kind.DENSE ? l.in() : (long) l.in() / l.groups() * l.kernel() * l.kernel();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), graph.classes())};
    }

    @Override
    public void prepare(Shape[] inputShapes) { }

    @Override
    public String toString() { return "GraphBlock(" + graph.name() + ")"; }

    static DataType dtype() { return DataType.FLOAT32; }
}
