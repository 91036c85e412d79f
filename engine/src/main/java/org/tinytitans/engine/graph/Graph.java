package org.tinytitans.engine.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An architecture in plain Java: layers in topological order with stable names, the input size, and the
 * residual blocks. Shapes are derived on construction, so an inconsistent graph (say a conv whose input
 * channels no longer match after pruning) is rejected with the layer's name.
 */
public final class Graph {

    private final String name;
    private final int height;
    private final int width;
    private final List<Layer> layers;
    private final List<ResidualBlock> blocks;
    private final Map<String, Layer> byName = new LinkedHashMap<>();
    private final Map<String, Dims> shapes = new LinkedHashMap<>();
    private final Map<String, List<String>> consumers = new LinkedHashMap<>();

    public Graph(String name, int height, int width, List<Layer> layers, List<ResidualBlock> blocks) {
        this.name = name;
        this.height = height;
        this.width = width;
        this.layers = List.copyOf(layers);
        this.blocks = List.copyOf(blocks);
        for (Layer l : this.layers) {
            if (byName.put(l.name(), l) != null) {
                throw new IllegalArgumentException("duplicate layer name " + l.name());
            }
            consumers.put(l.name(), new ArrayList<>());
            for (String from : l.inputs()) {
                if (!shapes.containsKey(from)) {
                    throw new IllegalArgumentException("layer " + l.name() + " reads " + from + ", which is not defined before it");
                }
                consumers.get(from).add(l.name());
            }
            shapes.put(l.name(), ShapeRules.output(l, l.inputs().stream().map(shapes::get).toList(), height, width));
        }
    }

    public String name() { return name; }

    public int height() { return height; }

    public int width() { return width; }

    public List<Layer> layers() { return layers; }

    public List<ResidualBlock> blocks() { return blocks; }

    /**
     * The blocks layer pruning may remove, in graph order, by the tutorial's rule ({@code rebuild_layers}): those
     * with an identity shortcut, except the very first block of stage 1. Scoring and planning both count these.
     */
    public List<ResidualBlock> removableBlocks() {
        return blocks.stream().filter(b -> !b.projection() && !(b.stage() == 1 && b.index() == 0)).toList();
    }

    public Layer layer(String n) {
        Layer l = byName.get(n);
        if (l == null) {
            throw new IllegalArgumentException("no layer named " + n + " in " + name);
        }
        return l;
    }

    public boolean has(String n) { return byName.containsKey(n); }

    public Dims shape(String layer) { return shapes.get(layer(layer).name()); }

    /** Shape of the first input of a layer (the input image for the input layer). */
    public Dims inputShape(String layer) {
        Layer l = layer(layer);
        return l.inputs().isEmpty() ? shapes.get(l.name()) : shapes.get(l.inputs().get(0));
    }

    public List<String> consumers(String layer) { return Collections.unmodifiableList(consumers.get(layer(layer).name())); }

    public Layer inputLayer() { return layers.get(0); }

    /** The last layer, whose output is the network's output (logits, or probabilities for a fused softmax). */
    public Layer outputLayer() { return layers.get(layers.size() - 1); }

    public int classes() { return shape(outputLayer().name()).c(); }

    public List<Layer> convs() { return layers.stream().filter(l -> l.kind() == Kind.CONV).toList(); }

    public List<LayerCost> costs() {
        List<LayerCost> rows = new ArrayList<>();
        for (Layer l : layers) {
            rows.add(new LayerCost(l.name(), l.kind(), inputShape(l.name()), shape(l.name()), macs(l), l.params()));
        }
        return rows;
    }

    /**
     * Multiply-accumulates of one layer per sample, as the layer computes them: a convolution does
     * Hout*Wout*(Cin/groups)*Cout*kH*kW (plain, grouped, depthwise and pointwise alike), a dense layer in*out.
     * Bias, BN, activations, adds and pooling are not counted, as in the tutorial and torchvision hook counters.
     * The same formula is stated in the catalog's {@code flops} doc (docs/language.md); MacFormulaDocTest keeps
     * the two equal.
     */
    public long macs(Layer l) {
        Dims o = shape(l.name());
        long hw = (long) o.h() * o.w();
        return switch (l.kind()) {
            case CONV -> hw * (l.in() / l.groups()) * l.out() * l.kernel() * l.kernel();
            case DENSE -> (long) l.in() * l.out();
            default -> 0;
        };
    }

    /**
     * The tutorial's count (its {@code custom_functions.compute_flops}), for the {@code flops-tutorial} metric only:
     * it charges a depthwise conv kH*kW*Cin*H*W + Cin*Cout*H*W, i.e. adds a pointwise conv the layer does not
     * have. Equal to {@link #macs(Layer)} for every other layer, so it differs only on depthwise networks.
     */
    public long tutorialMacs(Layer l) {
        if (!l.depthwise()) {
            return macs(l);
        }
        Dims o = shape(l.name());
        long hw = (long) o.h() * o.w();
        return (long) l.kernel() * l.kernel() * l.in() * hw + (long) l.in() * l.out() * hw;
    }

    /** Whole-network MACs per sample as the tutorial counts them (see {@link #tutorialMacs(Layer)}). */
    public long tutorialMacs() {
        return layers.stream().mapToLong(this::tutorialMacs).sum();
    }

    public Counts counts() { return counts(1); }

    public Counts counts(int batch) {
        long macs = 0, params = 0, trainable = 0, outputs = 0, filters = 0;
        for (Layer l : layers) {
            macs += macs(l);
            params += l.params();
            trainable += l.trainableParams();
            if (l.kind() != Kind.INPUT) {
                outputs += shape(l.name()).size();
            }
            if (l.kind() == Kind.CONV) {
                filters += l.out();
            }
        }
        double memory = 4.0 * (batch * outputs + params) / (1024.0 * 1024.0 * 1024.0);
        return new Counts(macs, params, trainable, memory, filters, blocks.size());
    }

    /** Number of residual blocks per stage, e.g. [5, 5, 5] for ResNet-32. */
    public int[] blocksPerStage() {
        int stages = blocks.stream().mapToInt(ResidualBlock::stage).max().orElse(0);
        int[] n = new int[stages];
        blocks.forEach(b -> n[b.stage() - 1]++);
        return n;
    }

    public ResidualBlock block(String blockName) {
        return blocks.stream().filter(b -> b.name().equals(blockName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no residual block named " + blockName + " in " + name));
    }

    /** A graph with the same name and input but other layers (shapes are re-derived and re-checked). */
    public Graph with(List<Layer> newLayers, List<ResidualBlock> newBlocks) {
        return new Graph(name, height, width, newLayers, newBlocks);
    }

    @Override
    public String toString() { return name + " (" + layers.size() + " layers)"; }
}
