package org.tinytitans.engine.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Structural edits of a graph: narrower filter groups, removed residual blocks. Layer names never change. */
public final class Rewrites {

    private Rewrites() {}

    /** The graph with each listed conv (a filter-group head) narrowed to the given number of filters. */
    public static Graph withWidths(Graph g, Map<String, Integer> widths) {
        Map<String, Layer> edited = new LinkedHashMap<>();
        g.layers().forEach(l -> edited.put(l.name(), l));
        for (Map.Entry<String, Integer> e : widths.entrySet()) {
            FilterGroup fg = FilterGroups.group(g, e.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("layer " + e.getKey() + " is not a prunable conv"));
            int w = e.getValue();
            if (w < 1 || w > fg.width()) {
                throw new IllegalArgumentException("layer " + fg.conv() + " cannot have " + w + " of " + fg.width() + " filters");
            }
            edited.compute(fg.conv(), (k, l) -> l.withOut(w));
            fg.tied().forEach(t -> edited.compute(t, (k, l) -> l.withOut(w)));
            for (String c : fg.consumers()) {
                int perFilter = g.layer(c).kind() == Kind.DENSE ? g.layer(c).in() / fg.width() : 1;
                edited.compute(c, (k, l) -> l.withIn(w * perFilter));
            }
        }
        return g.with(new ArrayList<>(edited.values()), g.blocks());
    }

    /** The graph without the given residual blocks; each must have an identity shortcut. */
    public static Graph withoutBlocks(Graph g, Set<String> blockNames) {
        Map<String, String> bypass = new HashMap<>();
        Set<String> removed = new HashSet<>();
        for (String n : blockNames) {
            ResidualBlock b = g.block(n);
            if (b.projection()) {
                throw new IllegalArgumentException("block " + n + " changes shape (projection shortcut) and cannot be removed");
            }
            bypass.put(b.output(), b.input());
            removed.add(n);
        }
        List<Layer> layers = new ArrayList<>();
        for (Layer l : g.layers()) {
            if (removed.stream().anyMatch(n -> l.name().startsWith(n + "."))) {
                continue;
            }
            layers.add(l.withInputs(l.inputs().stream().map(i -> resolve(bypass, i)).toList()));
        }
        List<ResidualBlock> blocks = new ArrayList<>();
        for (ResidualBlock b : g.blocks()) {
            if (!removed.contains(b.name())) {
                blocks.add(new ResidualBlock(b.name(), b.stage(), b.index(), resolve(bypass, b.input()), b.output(),
                        b.residualEnd(), b.projection()));
            }
        }
        return g.with(layers, blocks);
    }

    private static String resolve(Map<String, String> bypass, String name) {
        String n = name;
        while (bypass.containsKey(n)) {
            n = bypass.get(n);
        }
        return n;
    }
}
