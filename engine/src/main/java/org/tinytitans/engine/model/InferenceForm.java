package org.tinytitans.engine.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.graph.Layer;
import org.tinytitans.engine.graph.ResidualBlock;
import org.tinytitans.engine.runtime.Devices;

/**
 * A network as it is deployed: every batch norm that directly follows a convolution (and is that
 * convolution's only reader) folded into it, as {@code torch.jit.freeze} and ONNX Runtime do. In inference
 * mode a batch norm is a per-channel affine map, so {@code w' = w * g / sqrt(var + eps)} and
 * {@code b' = (b - mean) * g / sqrt(var + eps) + beta} give the same outputs with one op fewer per conv: the
 * latency, evaluation and export of a model time what users would run, not the training form's extra passes
 * over every activation. It owns its weights (a copy), so fine-tuning the source afterwards does not touch it.
 */
public final class InferenceForm implements AutoCloseable {

    private final Graph graph;
    private final GraphBlock block;
    private final NDManager manager;
    private final int folded;

    private InferenceForm(Graph graph, GraphBlock block, NDManager manager, int folded) {
        this.graph = graph;
        this.block = block;
        this.manager = manager;
        this.folded = folded;
    }

    /** The folded form of the network's current weights. */
    public static InferenceForm of(Network net) {
        Graph g = net.graph();
        Map<String, String> foldedInto = new HashMap<>();   // batch norm -> its conv
        for (Layer l : g.layers()) {
            if (l.kind() == Kind.BATCH_NORM && l.inputs().size() == 1) {
                Layer conv = g.layer(l.inputs().get(0));
                if (conv.kind() == Kind.CONV && g.consumers(conv.name()).size() == 1) {
                    foldedInto.put(l.name(), conv.name());
                }
            }
        }
        List<Layer> layers = new ArrayList<>();
        for (Layer l : g.layers()) {
            if (foldedInto.containsKey(l.name())) {
                continue;
            }
            Layer kept = foldedInto.containsValue(l.name()) && !l.bias()
                    ? new Layer(l.name(), l.kind(), l.inputs(), l.in(), l.out(), l.kernel(), l.stride(), l.pad(), l.groups(), true, l.eps(), l.act())
                    : l;
            layers.add(kept.withInputs(kept.inputs().stream().map(i -> foldedInto.getOrDefault(i, i)).toList()));
        }
        List<ResidualBlock> blocks = g.blocks().stream().map(b -> new ResidualBlock(b.name(), b.stage(), b.index(),
                foldedInto.getOrDefault(b.input(), b.input()), foldedInto.getOrDefault(b.output(), b.output()),
                foldedInto.getOrDefault(b.residualEnd(), b.residualEnd()), b.projection())).toList();
        Graph fg = g.with(layers, blocks);

        NDManager m = Devices.manager();
        GraphBlock block = new GraphBlock(fg);
        block.initialize(m, GraphBlock.dtype(), new Shape(1, fg.inputLayer().out(), fg.height(), fg.width()));
        Map<String, String> bnOf = new HashMap<>();
        foldedInto.forEach((bn, conv) -> bnOf.put(conv, bn));
        for (Layer l : fg.layers()) {
            String bn = bnOf.get(l.name());
            for (ParamNames.Tensor t : ParamNames.of(l)) {
                float[] values = bn == null ? net.get(t.name()) : folded(net, g.layer(l.name()), g.layer(bn), t.role());
                block.params().get(t.name()).getArray().set(values);
            }
        }
        return new InferenceForm(fg, block, m, foldedInto.size());
    }

    /** The conv's weight or bias with its batch norm folded in (computed in double, stored as float). */
    private static float[] folded(Network net, Layer conv, Layer bn, String role) {
        float[] gamma = net.get(bn.name() + ".gamma");
        float[] beta = net.get(bn.name() + ".beta");
        float[] mean = net.get(bn.name() + ".running_mean");
        float[] var = net.get(bn.name() + ".running_var");
        int out = conv.out();
        double[] scale = new double[out];
        for (int o = 0; o < out; o++) {
            scale[o] = gamma[o] / Math.sqrt(var[o] + bn.eps());
        }
        if (role.equals("weight")) {
            float[] w = net.get(conv.name() + ".weight");
            int per = w.length / out;
            for (int o = 0; o < out; o++) {
                for (int i = o * per; i < (o + 1) * per; i++) {
                    w[i] = (float) (w[i] * scale[o]);
                }
            }
            return w;
        }
        float[] b = conv.bias() ? net.get(conv.name() + ".bias") : new float[out];
        float[] result = new float[out];
        for (int o = 0; o < out; o++) {
            result[o] = (float) ((b[o] - mean[o]) * scale[o] + beta[o]);
        }
        return result;
    }

    /** The graph without the folded batch norms. */
    public Graph graph() { return graph; }

    /** The DJL block to run in inference mode. */
    public Block block() { return block; }

    /** How many batch norms were folded into their convolutions. */
    public int foldedBatchNorms() { return folded; }

    @Override
    public void close() { manager.close(); }
}
