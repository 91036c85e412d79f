package org.tinytitans.engine.graph;

import java.util.List;

/**
 * One node of an architecture graph. A single flat record (rather than one class per kind) keeps the graph
 * trivially serialisable to JSON and easy to rewrite when pruning changes widths.
 *
 * @param in      input channels (conv, batch norm) or input features (dense)
 * @param out     output channels / features
 * @param pad     symmetric padding, or {@link #SAME} for TensorFlow 'same' (extra pixel bottom/right)
 * @param groups  conv groups; {@code groups == in == out} is a depthwise conv
 * @param act     activation fused into a dense layer as Keras does ("softmax"), or null
 */
public record Layer(String name, Kind kind, List<String> inputs, int in, int out, int kernel, int stride, int pad,
                    int groups, boolean bias, double eps, String act) {

    public static final int SAME = -1;

    public Layer {
        inputs = List.copyOf(inputs);
    }

    public static Layer input(String name, int channels) {
        return new Layer(name, Kind.INPUT, List.of(), channels, channels, 0, 1, 0, 1, false, 0, null);
    }

    public static Layer conv(String name, String from, int in, int out, int kernel, int stride, int pad, int groups, boolean bias) {
        return new Layer(name, Kind.CONV, List.of(from), in, out, kernel, stride, pad, groups, bias, 0, null);
    }

    public static Layer batchNorm(String name, String from, int channels, double eps) {
        return new Layer(name, Kind.BATCH_NORM, List.of(from), channels, channels, 0, 1, 0, 1, false, eps, null);
    }

    public static Layer simple(String name, Kind kind, String from) {
        return new Layer(name, kind, List.of(from), 0, 0, 0, 1, 0, 1, false, 0, null);
    }

    public static Layer add(String name, String a, String b) {
        return new Layer(name, Kind.ADD, List.of(a, b), 0, 0, 0, 1, 0, 1, false, 0, null);
    }

    public static Layer pool(String name, Kind kind, String from, int kernel, int stride, int pad) {
        return new Layer(name, kind, List.of(from), 0, 0, kernel, stride, pad, 1, false, 0, null);
    }

    public static Layer dense(String name, String from, int in, int out, String act) {
        return new Layer(name, Kind.DENSE, List.of(from), in, out, 0, 1, 0, 1, true, 0, act);
    }

    public static Layer padShortcut(String name, String from, int in, int out, int stride) {
        return new Layer(name, Kind.PAD_SHORTCUT, List.of(from), in, out, 1, stride, 0, 1, false, 0, null);
    }

    public boolean depthwise() {
        return kind == Kind.CONV && groups > 1 && groups == in && groups == out;
    }

    public Layer withIn(int n) {
        int g = depthwise() ? n : groups;
        return new Layer(name, kind, inputs, n, depthwise() ? n : out, kernel, stride, pad, g, bias, eps, act);
    }

    public Layer withOut(int n) {
        int g = depthwise() ? n : groups;
        int i = depthwise() || kind == Kind.BATCH_NORM ? n : in;
        return new Layer(name, kind, inputs, i, n, kernel, stride, pad, g, bias, eps, act);
    }

    public Layer withInputs(List<String> from) {
        return new Layer(name, kind, from, in, out, kernel, stride, pad, groups, bias, eps, act);
    }

    /** Weight tensor shapes in the engine's layout (OIHW kernels, (out,in) dense, 4 BN vectors). */
    public long params() {
        return switch (kind) {
            case CONV -> (long) kernel * kernel * (in / groups) * out + (bias ? out : 0);
            case BATCH_NORM -> 4L * out;
            case DENSE -> (long) in * out + (bias ? out : 0);
            default -> 0;
        };
    }

    /** Parameters a Keras model would list as trainable (BN moving statistics are not). */
    public long trainableParams() {
        return kind == Kind.BATCH_NORM ? 2L * out : params();
    }
}
