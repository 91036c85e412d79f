package org.tinytitans.engine.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the prunable convolutions of a graph by following each conv's output forward. Removing filters is
 * safe only while the channels flow through channel-wise layers into the input of another conv or dense
 * layer; reaching an add (a residual sum fixes the width) or the network output makes the conv unprunable.
 * For the CIFAR ResNets this yields exactly the tutorial's set: the first conv of every residual block.
 */
public final class FilterGroups {

    private FilterGroups() {}

    public static List<FilterGroup> of(Graph g) {
        List<FilterGroup> groups = new ArrayList<>();
        for (Layer l : g.convs()) {
            if (!l.depthwise()) {
                group(g, l.name()).ifPresent(groups::add);
            }
        }
        return groups;
    }

    public static Optional<FilterGroup> group(Graph g, String conv) {
        List<String> tied = new ArrayList<>();
        List<String> consumers = new ArrayList<>();
        for (String next : g.consumers(conv)) {
            if (!follow(g, next, tied, consumers)) {
                return Optional.empty();
            }
        }
        if (consumers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FilterGroup(conv, g.layer(conv).out(), tied, consumers));
    }

    private static boolean follow(Graph g, String name, List<String> tied, List<String> consumers) {
        Layer l = g.layer(name);
        switch (l.kind()) {
            case BATCH_NORM -> tied.add(name);
            case RELU, RELU6, MAX_POOL, AVG_POOL, GLOBAL_AVG_POOL, FLATTEN -> { }
            case CONV -> {
                if (!l.depthwise()) {
                    consumers.add(name);
                    return true;
                }
                tied.add(name);
            }
            case DENSE -> {
                consumers.add(name);
                return true;
            }
            default -> {
                return false;
            }
        }
        List<String> next = g.consumers(name);
        if (next.isEmpty()) {
            return false;
        }
        for (String n : next) {
            if (!follow(g, n, tied, consumers)) {
                return false;
            }
        }
        return true;
    }
}
