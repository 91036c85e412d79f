package org.tinytitans.engine.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tinytitans.engine.criteria.ScoringModel;
import org.tinytitans.engine.graph.FilterGroup;
import org.tinytitans.engine.graph.FilterGroups;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.graph.Layer;
import org.tinytitans.engine.graph.ResidualBlock;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.runtime.TorchRuntime;

/**
 * A graph with its DJL block and weights. Owns an NDManager: close the network when done. Every method that
 * takes an input runs in a sub-manager of the caller's manager, so intermediates never pile up (see djl-facts).
 */
public final class Network implements ScoringModel, AutoCloseable {

    private final Graph graph;
    private final GraphBlock block;
    private final NDManager manager;
    private final List<FilterGroup> filterUnits;
    private final List<ResidualBlock> blockUnits;

    private Network(Graph graph, NDManager manager) {
        this.graph = graph;
        this.manager = manager;
        this.block = new GraphBlock(graph);
        block.initialize(manager, GraphBlock.dtype(), new Shape(1, graph.inputLayer().out(), graph.height(), graph.width()));
        this.filterUnits = FilterGroups.of(graph);
        this.blockUnits = graph.removableBlocks();
    }

    /** A network with freshly initialised weights (He-normal kernels), reproducible for a seed. */
    public static Network create(Graph graph, long seed) {
        TorchRuntime.engine().setRandomSeed((int) seed);
        return new Network(graph, Devices.manager());
    }

    public Graph graph() { return graph; }

    /** An independent copy (own manager, same weights): prune or fine-tune it and keep the original. */
    public Network copy() {
        Network c = fromGraph(graph);
        for (String n : parameterNames()) {
            c.set(n, get(n));
        }
        return c;
    }

    public GraphBlock block() { return block; }

    public NDManager manager() { return manager; }

    public void save(Path file) throws IOException { ModelFile.save(this, file); }

    // ---- weights as plain arrays ----

    public List<String> parameterNames() { return List.copyOf(block.params().keySet()); }

    public long[] shapeOf(String name) { return param(name).getArray().getShape().getShape(); }

    public float[] get(String name) { return param(name).getArray().toFloatArray(); }

    /** Replaces a tensor's values in place; the shape must match. */
    public void set(String name, float[] values) {
        NDArray a = param(name).getArray();
        if (values.length != a.size()) {
            throw new IllegalArgumentException("tensor " + name + " holds " + a.size() + " values " + a.getShape() + ", not " + values.length);
        }
        a.set(values);
    }

    public long parameterCount() {
        return block.params().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /** Parameters that are not exactly zero (unstructured pruning only zeroes them). */
    public long nonzeroParams() {
        long n = 0;
        for (Parameter p : block.params().values()) {
            for (float v : p.getArray().toFloatArray()) {
                if (v != 0f) {
                    n++;
                }
            }
        }
        return n;
    }

    Parameter param(String name) {
        Parameter p = block.params().get(name);
        if (p == null) {
            throw new IllegalArgumentException("no tensor named " + name + " in " + graph.name());
        }
        return p;
    }

    // ---- inference ----

    /** Logits (N, classes) for an NCHW batch; the result belongs to the input's manager. */
    public NDArray forward(NDArray input) {
        return outputs(input, List.of(graph.outputLayer().name())).get(graph.outputLayer().name());
    }

    /** Class probabilities: the softmax of the logits (the Keras models' own output). */
    public NDArray probabilities(NDArray input) { return forward(input).softmax(1); }

    /** Outputs of the named nodes for an NCHW batch, in inference mode; results belong to the input's manager. */
    public Map<String, NDArray> outputs(NDArray input, List<String> nodes) {
        NDManager owner = input.getManager();
        try (NDManager sub = owner.newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(sub);
            Map<String, NDArray> out = block.run(new ParameterStore(sub, false), x, false, Set.copyOf(nodes), Map.of());
            out.values().forEach(a -> a.attach(owner));
            return out;
        }
    }

    // ---- ScoringModel ----

    @Override
    public List<Unit> filterUnits() { return filterUnits.stream().map(u -> new Unit(u.conv(), u.width())).toList(); }

    @Override
    public List<Unit> blockUnits() { return blockUnits.stream().map(b -> new Unit(b.name(), 1)).toList(); }

    @Override
    public NDArray filterWeights(NDManager m, int unit) {
        return copy(m, filterUnits.get(unit).conv() + ".weight");
    }

    @Override
    public List<NDArray> blockWeights(NDManager m, int unit) {
        ResidualBlock b = blockUnits.get(unit);
        List<NDArray> out = new ArrayList<>();
        for (Layer l : graph.layers()) {
            if (l.kind() == Kind.CONV && b.contains(l.name())) {
                out.add(copy(m, l.name() + ".weight"));
            }
        }
        return out;
    }

    @Override
    public NDArray filterActivations(NDManager m, int unit, NDArray input) {
        return single(m, input, activationOf(filterUnits.get(unit).conv()));
    }

    /** Post-activation maps of every filter unit from one forward pass (cheaper than one call per unit). */
    public List<NDArray> filterActivations(NDManager m, NDArray input) {
        List<String> nodes = filterUnits.stream().map(u -> activationOf(u.conv())).toList();
        try (NDManager sub = m.newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(sub);
            Map<String, NDArray> out = block.run(new ParameterStore(sub, false), x, false, Set.copyOf(nodes), Map.of());
            List<NDArray> maps = new ArrayList<>();
            for (String n : nodes) {
                NDArray a = out.get(n);
                a.attach(m);
                maps.add(a);
            }
            return maps;
        }
    }

    @Override
    public NDArray blockActivations(NDManager m, int unit, NDArray input) {
        return single(m, input, blockUnits.get(unit).output());
    }

    @Override
    public NDArray logits(NDManager m, NDArray input) { return single(m, input, graph.outputLayer().name()); }

    @Override
    public NDArray features(NDManager m, NDArray input) {
        Layer dense = graph.layers().stream().filter(l -> l.kind() == Kind.DENSE).findFirst().orElseThrow();
        return single(m, input, dense.inputs().get(0)).reshape(input.getShape().get(0), -1);
    }

    @Override
    public <T> T withFiltersZeroed(int unit, int[] filters, boolean zeroBatchNorm, Supplier<T> action) {
        FilterGroup u = filterUnits.get(unit);
        List<String> names = new ArrayList<>(List.of(u.conv() + ".weight"));
        if (graph.layer(u.conv()).bias()) {
            names.add(u.conv() + ".bias");
        }
        if (zeroBatchNorm) {
            String bn = batchNormOf(u);
            if (bn != null) {
                for (String r : new String[] {"gamma", "beta", "running_mean", "running_var"}) {
                    names.add(bn + "." + r);
                }
            }
        }
        return withZeroed(names, filters, action);
    }

    /** Stacked variants per pass are capped so the widest activation of a pass stays near this many bytes. */
    private static final long STACK_BYTES = 128L << 20;

    /**
     * Stacks silenced variants: the layers before the unit's conv run once on the batch; their outputs are then
     * tiled k times along the batch axis and the rest of the network runs once per k filters, copy j with
     * filter j's channel multiplied by 0 at the conv's output (and at its batch norm's when {@code zeroBatchNorm}).
     * A zero kernel and bias give exactly a zero channel, and a batch norm with zero gamma, beta, mean and
     * variance exactly a zero output, so this computes what {@link #withFiltersZeroed} does, one pass per k.
     */
    @Override
    public float[][] silencedOutputs(NDManager m, int unit, boolean zeroBatchNorm, Head head, NDArray input) {
        FilterGroup u = filterUnits.get(unit);
        String bn = zeroBatchNorm ? batchNormOf(u) : null;
        String out = head == Head.LOGITS ? graph.outputLayer().name()
                : graph.layers().stream().filter(l -> l.kind() == Kind.DENSE).findFirst().orElseThrow().inputs().get(0);
        List<Layer> layers = graph.layers();
        int start = layers.indexOf(graph.layer(u.conv()));
        Set<String> frontier = new java.util.HashSet<>();
        for (int i = start; i < layers.size(); i++) {
            for (String in : layers.get(i).inputs()) {
                if (layers.indexOf(graph.layer(in)) < start) {
                    frontier.add(in);
                }
            }
        }
        int n = (int) input.getShape().get(0);
        long widest = layers.stream().filter(l -> l.kind() != Kind.INPUT).mapToLong(l -> graph.shape(l.name()).size()).max().orElse(1);
        int k = (int) Math.max(1, Math.min(u.width(), STACK_BYTES / (4L * widest * n)));
        float[][] result = new float[u.width()][];
        try (NDManager sub = m.newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(sub);
            ParameterStore ps = new ParameterStore(sub, false);
            Map<String, NDArray> intact = block.run(ps, x, false, frontier, Map.of());
            for (int f0 = 0; f0 < u.width(); f0 += k) {
                int kk = Math.min(k, u.width() - f0);
                try (NDManager chunk = sub.newSubManager()) {
                    Map<String, NDArray> known = new HashMap<>();
                    intact.forEach((name, v) -> {
                        long[] reps = new long[v.getShape().dimension()];
                        java.util.Arrays.fill(reps, 1);
                        reps[0] = kk;
                        NDArray t = v.tile(reps);
                        t.attach(chunk);
                        known.put(name, t);
                    });
                    float[] keep = new float[kk * n * u.width()];
                    java.util.Arrays.fill(keep, 1f);
                    for (int j = 0; j < kk; j++) {
                        for (int i = 0; i < n; i++) {
                            keep[(j * n + i) * u.width() + f0 + j] = 0f;
                        }
                    }
                    NDArray mask = chunk.create(keep, new Shape(kk * n, u.width(), 1, 1));
                    Map<String, NDArray> masks = bn == null ? Map.of(u.conv(), mask) : Map.of(u.conv(), mask, bn, mask);
                    NDArray o = block.runFrom(new ParameterStore(chunk, false), known, start, Set.of(out), masks).get(out);
                    float[] v = o.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
                    int per = v.length / kk;
                    for (int j = 0; j < kk; j++) {
                        result[f0 + j] = java.util.Arrays.copyOfRange(v, j * per, (j + 1) * per);
                    }
                }
            }
        }
        return result;
    }

    /** The batch norm whose statistics silence a filter unit's channel (the first one tied to its conv). */
    private String batchNormOf(FilterGroup u) {
        return u.tied().stream().filter(t -> graph.layer(t).kind() == Kind.BATCH_NORM).findFirst().orElse(null);
    }

    @Override
    public <T> T withBlockZeroed(int unit, Supplier<T> action) {
        String bn = blockUnits.get(unit).residualEnd();
        List<String> names = List.of(bn + ".gamma", bn + ".beta", bn + ".running_mean", bn + ".running_var");
        return withZeroed(names, null, action);
    }

    /** Zeroes rows (axis 0 indices, or everything when null) of the tensors, runs the action, restores them. */
    private <T> T withZeroed(List<String> names, int[] rows, Supplier<T> action) {
        Map<String, float[]> saved = new LinkedHashMap<>();
        try {
            for (String n : names) {
                float[] v = get(n);
                saved.put(n, v.clone());
                long[] shape = shapeOf(n);
                int per = (int) (v.length / shape[0]);
                if (rows == null) {
                    java.util.Arrays.fill(v, 0f);
                } else {
                    for (int r : rows) {
                        java.util.Arrays.fill(v, r * per, (r + 1) * per, 0f);
                    }
                }
                set(n, v);
            }
            return action.get();
        } finally {
            saved.forEach(this::set);
        }
    }

    @Override
    public List<float[]> taylorScores(NDManager m, NDArray input, int[] labels) {
        List<String> nodes = filterUnits.stream().map(u -> activationOf(u.conv())).toList();
        try (NDManager sub = m.newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(sub);
            Map<String, NDArray> probes = new HashMap<>();
            for (String n : nodes) {
                var d = graph.shape(n);
                NDArray z = sub.zeros(new Shape(input.getShape().get(0), d.c(), d.h(), d.w()));
                z.setRequiresGradient(true);
                probes.put(n, z);
            }
            List<String> wanted = new ArrayList<>(nodes);
            wanted.add(graph.outputLayer().name());
            List<float[]> scores = new ArrayList<>();
            try (GradientCollector gc = TorchRuntime.engine().newGradientCollector()) {
                Map<String, NDArray> out = block.run(new ParameterStore(sub, false), x, false, Set.copyOf(wanted), probes);
                NDArray logits = out.get(graph.outputLayer().name());
                NDArray oneHot = sub.create(labels).oneHot(graph.classes());
                NDArray loss = logits.logSoftmax(1).mul(oneHot).sum().neg();
                gc.backward(loss);
                for (String n : nodes) {
                    NDArray g = probes.get(n).getGradient();
                    scores.add(out.get(n).mul(g).sum(new int[] {0, 2, 3}).abs().toFloatArray());
                }
            }
            return scores;
        }
    }

    /** The first ReLU after a conv (past its batch norm and any depthwise stage): the tutorial's activation layer. */
    private String activationOf(String conv) {
        String n = conv;
        while (true) {
            List<String> next = graph.consumers(n);
            if (next.isEmpty()) {
                return n;
            }
            n = next.get(0);
            Kind k = graph.layer(n).kind();
            if (k == Kind.RELU || k == Kind.RELU6) {
                return n;
            }
        }
    }

    private NDArray single(NDManager m, NDArray input, String node) {
        try (NDManager sub = m.newSubManager()) {
            NDArray x = input.duplicate();
            x.attach(sub);
            NDArray out = block.run(new ParameterStore(sub, false), x, false, Set.of(node), Map.of()).get(node);
            out.attach(m);
            return out;
        }
    }

    private NDArray copy(NDManager m, String name) {
        NDArray a = param(name).getArray();
        return m.create(a.toFloatArray(), a.getShape());
    }

    @Override
    public void close() { manager.close(); }

    @Override
    public String toString() { return "Network(" + graph.name() + ", " + parameterCount() + " params)"; }

    /** A network of the graph whose weights the caller sets next (a loader, or prune.Surgery copying kept slices). */
    public static Network fromGraph(Graph g) { return new Network(g, Devices.manager()); }
}
