package org.tinytitans.engine.prune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.graph.FilterGroup;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Layer;
import org.tinytitans.engine.graph.ResidualBlock;
import org.tinytitans.engine.graph.Rewrites;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * Analytic effect of pruning before any weights are touched. {@link #of(ExperimentRun)} is the one estimate of a
 * resolved run that {@code titans-cli estimate} prints and the editor's hints show; {@link #step} is one prune block.
 * Per-layer filter pruning is exact ({@code low == high}). Where the outcome depends on scores (global and tutorial
 * filter scopes, layer pruning) the range comes from the cheapest and the dearest admissible choices, taken greedily by
 * per-unit MACs and by per-unit params; exact for independent units (the CIFAR ResNets), a close bound otherwise.
 * For {@code weights} the graph is unchanged and {@code nonzeroParams} says what remains nonzero.
 *
 * @param after the graph of the exact case (per-layer filters, or the low end otherwise); null for the vision
 *              transformers, which are counted from their configs (TransformerEstimate)
 */
public record Estimate(Counts before, Counts low, Counts high, long nonzeroParams, Graph after) {

    public boolean exact() { return low.equals(high); }

    /**
     * The run's figures after all its prune blocks, applied in order to the zoo graph (with the run's classes), each
     * to the outcome of the one before (the low end where a block's outcome is a range); {@code before} is the
     * unpruned model.
     *
     * @throws IllegalArgumentException when the model has no analytic graph or a block has no analytic estimate
     */
    public static Estimate of(ExperimentRun run) {
        List<Estimate> steps = steps(run);
        return steps.get(steps.size() - 1);
    }

    /**
     * The run's figures after each prune block in turn, all measured from the unpruned model: the last is
     * {@link #of(ExperimentRun)}. A run without prune blocks has one entry, the unpruned model itself.
     */
    public static List<Estimate> steps(ExperimentRun run) {
        String model = run.model().name();
        if (TransformerEstimate.covers(model)) {
            return TransformerEstimate.steps(run);
        }
        if (model == null || !Zoo.has(model)) {
            throw new IllegalArgumentException("no analytic graph for model '" + model + "'");
        }
        Graph g = run.model().classes() == null ? Zoo.build(model) : Zoo.build(model, run.model().classes());
        Counts baseline = g.counts();
        List<Estimate> out = new ArrayList<>();
        for (PruneSpec p : run.prunes()) {
            if (p.granularity() == null) {
                throw new IllegalArgumentException("a prune block without a granularity has no estimate");
            }
            Estimate e = p.auto() ? reachable(g, p) : step(g, p.granularity(), p.ratio(), p.count(), Scope.parse(p.scope()), p.exclude(),
                    p.roundTo(), p.layerRatios());
            out.add(new Estimate(baseline, e.low(), e.high(), e.nonzeroParams(), e.after()));
            g = e.after();
        }
        if (out.isEmpty()) out.add(new Estimate(baseline, baseline, baseline, baseline.params(), g));
        return out;
    }

    /**
     * A vision transformer's or multimodal model's counts from its zoo shape alone (empty for other names): the
     * figures a `model` line shows before anything is pruned. CNN zoo models have their graph's counts instead.
     */
    public static java.util.Optional<Counts> transformer(String model) {
        return model == null ? java.util.Optional.empty() : TransformerEstimate.model(model);
    }

    /** One prune block applied to a graph; {@code before} is that graph's counts. */
    public static Estimate step(Graph g, Granularity granularity, Double ratio, Integer count, Scope scope, List<String> exclude) {
        return step(g, granularity, ratio, count, scope, exclude, 1);
    }

    /** The same; {@code roundTo} (prune filters) keeps a multiple of that many filters per pruned layer, as the plan does. */
    public static Estimate step(Graph g, Granularity granularity, Double ratio, Integer count, Scope scope, List<String> exclude,
                                int roundTo) {
        return step(g, granularity, ratio, count, scope, exclude, roundTo, Map.of());
    }

    /** The same with `layer "NAME" ratio R` lines: each named unit loses its own fraction (filters). */
    public static Estimate step(Graph g, Granularity granularity, Double ratio, Integer count, Scope scope, List<String> exclude,
                                int roundTo, Map<String, Double> perLayer) {
        if (!perLayer.isEmpty() && granularity == Granularity.FILTERS) {
            return filters(g, ratio == null ? 0 : ratio, scope, exclude, roundTo, perLayer);
        }
        return switch (granularity) {
            case FILTERS -> filters(g, need(ratio), scope, exclude, roundTo);
            case LAYERS -> layers(g, ratio, count, exclude);
            case WEIGHTS -> weights(g, need(ratio), exclude);
            case NEURONS, HEADS -> throw new IllegalArgumentException("prune " + granularity
                    + " applies to language models, which have no analytic graph");
            case TOKENS -> throw new IllegalArgumentException("prune tokens applies to vision transformers and vision-language models, which have no graph");
        };
    }

    private static double need(Double ratio) {
        if (ratio == null) {
            throw new IllegalArgumentException("this granularity needs a ratio");
        }
        return ratio;
    }

    /**
     * A `ratio auto` block: from nothing removed ({@code high}) to everything the granularity can remove ({@code low}: every
     * unit at the largest ratio, or every removable block), the range any search plan falls in.
     */
    public static Estimate reachable(Graph g, PruneSpec p) {
        double max = org.tinytitans.language.catalog.Catalog.get().property("prune", "ratio").orElseThrow().max();
        Estimate most = switch (p.granularity()) {
            case FILTERS -> filters(g, max, Scope.PER_LAYER, p.exclude(), p.roundTo());
            case LAYERS -> layers(g, null, maxBlocks(g, p.exclude()), p.exclude());
            default -> throw new IllegalArgumentException("prune " + p.granularity() + " has no analytic estimate");
        };
        return new Estimate(g.counts(), most.low(), g.counts(), most.low().params(), most.after());
    }

    /** The most blocks `prune layers` can remove (each stage keeps its minimum). */
    public static int maxBlocks(Graph g, List<String> exclude) {
        Globs skip = Globs.of(exclude);
        List<ResidualBlock> cands = LayerPlanner.candidates(g).stream().filter(b -> !skip.matches(b.name())).toList();
        return LayerPlanner.choose(g, cands, cands.size()).size();
    }

    /** Per-layer filters where named units lose their own fraction and the others the block's (scope per-layer). */
    static Estimate filters(Graph g, double ratio, Scope scope, List<String> exclude, int roundTo, Map<String, Double> perLayer) {
        Globs skip = Globs.of(exclude);
        List<FilterGroup> units = FilterPlanner.units(g);
        FilterPlanner.unknownLayers(units, perLayer);
        if (scope != Scope.PER_LAYER && ratio > 0) {
            throw new IllegalArgumentException("layer lines with a block ratio other than 0% have an exact estimate with scope per-layer only");
        }
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (FilterGroup u : units) {
            if (skip.matches(u.conv())) continue;
            double r = perLayer.getOrDefault(u.conv(), ratio);
            widths.put(u.conv(), u.width() - Rounding.removedRoundingKept(u.width(), FilterPlanner.removedAt(r, u.width()), roundTo));
        }
        Graph after = Rewrites.withWidths(g, widths);
        return new Estimate(g.counts(), after.counts(), after.counts(), after.counts().params(), after);
    }

    static Estimate filters(Graph g, double ratio, Scope scope, List<String> exclude, int roundTo) {
        Globs skip = Globs.of(exclude);
        List<FilterGroup> units = FilterPlanner.units(g).stream().filter(u -> !skip.matches(u.conv())).toList();
        if (scope == Scope.PER_LAYER) {
            Map<String, Integer> widths = new LinkedHashMap<>();
            units.forEach(u -> widths.put(u.conv(), u.width()
                    - Rounding.removedRoundingKept(u.width(), Math.min(Rounding.count(ratio, u.width()), u.width() - 1), roundTo)));
            Graph after = Rewrites.withWidths(g, widths);
            return new Estimate(g.counts(), after.counts(), after.counts(), after.counts().params(), after);
        }
        int prunable = units.stream().mapToInt(u -> u.width() - 1).sum();
        int k = scope == Scope.TUTORIAL ? Math.min(FilterPlanner.tutorialTarget(g, ratio), prunable)
                : Rounding.count(ratio, units.stream().mapToInt(FilterGroup::width).sum());
        Counts base = g.counts();
        List<Graph> options = new ArrayList<>();
        for (Comparator<FilterGroup> by : List.of(perFilter(g, base, true), perFilter(g, base, false))) {
            options.add(rounded(g, units, allocate(g, units, k, by), roundTo));
            options.add(rounded(g, units, allocate(g, units, k, by.reversed()), roundTo));
        }
        return range(g, options);
    }

    /** An allocation with each unit's kept filters rounded up to a multiple of {@code roundTo}, as the plan does. */
    private static Graph rounded(Graph g, List<FilterGroup> units, Graph allocated, int roundTo) {
        if (roundTo <= 1) {
            return allocated;
        }
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (FilterGroup u : units) {
            int removed = u.width() - allocated.layer(u.conv()).out();
            widths.put(u.conv(), u.width() - Rounding.removedRoundingKept(u.width(), removed, roundTo));
        }
        return Rewrites.withWidths(g, widths);
    }

    private static Comparator<FilterGroup> perFilter(Graph g, Counts base, boolean macs) {
        Map<String, Long> saved = new LinkedHashMap<>();
        for (FilterGroup u : FilterPlanner.units(g)) {
            if (u.width() > 1) {
                Counts c = Rewrites.withWidths(g, Map.of(u.conv(), u.width() - 1)).counts();
                saved.put(u.conv(), macs ? base.macs() - c.macs() : base.params() - c.params());
            }
        }
        return Comparator.comparing(u -> saved.getOrDefault(u.conv(), 0L));
    }

    /** Removes k filters unit by unit in the given order, each unit keeping one. */
    private static Graph allocate(Graph g, List<FilterGroup> units, int k, Comparator<FilterGroup> order) {
        Map<String, Integer> widths = new LinkedHashMap<>();
        int left = k;
        for (FilterGroup u : units.stream().sorted(order).toList()) {
            int take = Math.min(left, u.width() - 1);
            if (take > 0) {
                widths.put(u.conv(), u.width() - take);
                left -= take;
            }
        }
        return Rewrites.withWidths(g, widths);
    }

    static Estimate layers(Graph g, Double ratio, Integer count, List<String> exclude) {
        int k = LayerPlanner.requested(g, ratio, count);
        Globs skip = Globs.of(exclude);
        List<ResidualBlock> cands = LayerPlanner.candidates(g).stream().filter(b -> !skip.matches(b.name())).toList();
        Map<String, Counts> without = new LinkedHashMap<>();
        cands.forEach(b -> without.put(b.name(), Rewrites.withoutBlocks(g, java.util.Set.of(b.name())).counts()));
        List<Graph> options = new ArrayList<>();
        for (Comparator<ResidualBlock> by : List.<Comparator<ResidualBlock>>of(
                Comparator.comparing(b -> -without.get(b.name()).macs()),
                Comparator.comparing(b -> -without.get(b.name()).params()))) {
            for (Comparator<ResidualBlock> o : List.of(by, by.reversed())) {
                var chosen = LayerPlanner.choose(g, cands.stream().sorted(o).toList(), k);
                if (chosen.size() < k) {
                    throw new IllegalArgumentException("only " + chosen.size() + " of the " + k + " requested blocks of " + g.name()
                            + " can be removed (each stage keeps at least " + LayerPlanner.MIN_BLOCKS_PER_STAGE + " blocks)");
                }
                options.add(Rewrites.withoutBlocks(g, chosen));
            }
        }
        return range(g, options);
    }

    static Estimate weights(Graph g, double ratio, List<String> exclude) {
        Globs skip = Globs.of(exclude);
        long zeroed = 0;
        for (Layer l : g.layers()) {
            if (WeightPruning.prunable(l) && !skip.matches(l.name())) {
                zeroed += Rounding.count(ratio, (int) WeightPruning.kernelSize(l));
            }
        }
        Counts c = g.counts();
        return new Estimate(c, c, c, c.params() - zeroed, g);
    }

    private static Estimate range(Graph g, List<Graph> options) {
        Graph lowG = options.stream().min(Comparator.comparingLong(x -> x.counts().macs())).orElseThrow();
        Counts low = min(options), high = max(options);
        return new Estimate(g.counts(), low, high, low.params(), lowG);
    }

    private static Counts min(List<Graph> gs) {
        List<Counts> cs = gs.stream().map(Graph::counts).toList();
        return new Counts(cs.stream().mapToLong(Counts::macs).min().orElseThrow(), cs.stream().mapToLong(Counts::params).min().orElseThrow(),
                cs.stream().mapToLong(Counts::trainableParams).min().orElseThrow(), cs.stream().mapToDouble(Counts::memoryGb).min().orElseThrow(),
                cs.stream().mapToLong(Counts::filters).min().orElseThrow(), cs.get(0).blocks());
    }

    private static Counts max(List<Graph> gs) {
        List<Counts> cs = gs.stream().map(Graph::counts).toList();
        return new Counts(cs.stream().mapToLong(Counts::macs).max().orElseThrow(), cs.stream().mapToLong(Counts::params).max().orElseThrow(),
                cs.stream().mapToLong(Counts::trainableParams).max().orElseThrow(), cs.stream().mapToDouble(Counts::memoryGb).max().orElseThrow(),
                cs.stream().mapToLong(Counts::filters).max().orElseThrow(), cs.get(0).blocks());
    }
}
