package org.tinytitans.engine.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tinytitans.engine.graph.Dims;
import org.tinytitans.engine.graph.FilterGroup;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Layer;
import org.tinytitans.engine.graph.Rewrites;

/**
 * The part of a network whose cost changes when one conv loses filters: the conv, the layers its channels flow
 * through (batch norm, ReLU, pooling, flatten) and the layers that read them (the next conv's input channels, or a
 * dense layer's features), cut out as a graph of its own that starts from the conv's input. NetAdapt times each
 * such piece alone at each candidate width; the rest of the network is the same whatever the width.
 */
final class LayerSegment {

    private LayerSegment() {}

    /** The segment of {@code group} in {@code g}, with the conv narrowed to {@code width} filters. */
    static Graph of(Graph g, FilterGroup group, int width) {
        Graph narrowed = width == group.width() ? g : Rewrites.withWidths(g, Map.of(group.conv(), width));
        Set<String> members = members(g, group);
        Dims in = g.inputShape(group.conv());
        String input = group.conv() + ".segment-input";
        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.input(input, in.c()));
        for (Layer l : narrowed.layers()) {
            if (members.contains(l.name())) {
                layers.add(l.name().equals(group.conv()) ? l.withInputs(List.of(input)) : l);
            }
        }
        return new Graph(g.name() + "/" + group.conv() + "@" + width, in.h(), in.w(), layers, List.of());
    }

    /** The conv and every layer on its channels' way to the consumers, consumers included. */
    static Set<String> members(Graph g, FilterGroup group) {
        Set<String> members = new LinkedHashSet<>();
        members.add(group.conv());
        walk(g, group.conv(), Set.copyOf(group.consumers()), members);
        return members;
    }

    private static void walk(Graph g, String from, Set<String> consumers, Set<String> members) {
        for (String next : g.consumers(from)) {
            if (members.add(next) && !consumers.contains(next)) {
                walk(g, next, consumers, members);
            }
        }
    }
}
