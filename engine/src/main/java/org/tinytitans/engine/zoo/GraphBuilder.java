package org.tinytitans.engine.zoo;

import java.util.ArrayList;
import java.util.List;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.graph.Layer;
import org.tinytitans.engine.graph.ResidualBlock;

/** Appends layers to a chain, tracking the current node and its channel count, so zoo code reads like the paper. */
final class GraphBuilder {

    final List<Layer> layers = new ArrayList<>();
    final List<ResidualBlock> blocks = new ArrayList<>();
    String last;
    int channels;

    GraphBuilder(int inputChannels) {
        layers.add(Layer.input("input", inputChannels));
        last = "input";
        channels = inputChannels;
    }

    GraphBuilder from(String node, int c) {
        last = node;
        channels = c;
        return this;
    }

    String conv(String name, int out, int k, int stride, int pad, boolean bias) {
        return grouped(name, out, k, stride, pad, 1, bias);
    }

    String grouped(String name, int out, int k, int stride, int pad, int groups, boolean bias) {
        return push(Layer.conv(name, last, channels, out, k, stride, pad, groups, bias), out);
    }

    String bn(String name, double eps) {
        return push(Layer.batchNorm(name, last, channels, eps), channels);
    }

    String act(String name, Kind kind) {
        return push(Layer.simple(name, kind, last), channels);
    }

    String pool(String name, Kind kind, int k, int stride, int pad) {
        return push(Layer.pool(name, kind, last, k, stride, pad), channels);
    }

    String add(String name, String other) {
        return push(Layer.add(name, last, other), channels);
    }

    String flatten(String name, int features) {
        return push(Layer.simple(name, Kind.FLATTEN, last), features);
    }

    String globalPool(String name) {
        return push(Layer.simple(name, Kind.GLOBAL_AVG_POOL, last), channels);
    }

    String dense(String name, int out, String act) {
        return push(Layer.dense(name, last, channels, out, act), out);
    }

    String padShortcut(String name, int out, int stride) {
        return push(Layer.padShortcut(name, last, channels, out, stride), out);
    }

    private String push(Layer l, int outChannels) {
        layers.add(l);
        last = l.name();
        channels = outChannels;
        return l.name();
    }

    Graph build(String name, int height, int width) {
        return new Graph(name, height, width, layers, blocks);
    }
}
