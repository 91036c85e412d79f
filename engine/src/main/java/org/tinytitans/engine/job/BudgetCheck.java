package org.tinytitans.engine.job;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tinytitans.engine.figures.Figures;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.graph.FilterGroup;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.prune.Estimate;
import org.tinytitans.engine.prune.FilterPlanner;
import org.tinytitans.engine.search.Budget;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.language.Codes;
import org.tinytitans.language.Diagnostic;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.ExpectSpec;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * What the checker cannot know without the model's graph, from the engine's exact estimates (the one
 * {@link Estimate}): an `expect` on flops, params or memory that no plan of the `ratio auto` blocks can meet
 * ({@code budget-unreachable}, naming the lowest reachable value), and `layer "NAME"` lines naming a layer the zoo
 * model cannot prune ({@code unknown-layer}). `titans-cli check` and the language server add these to the checker's.
 */
public final class BudgetCheck {
    /** The run's own verdict on an expect line: what a search and this check call "fits". */
    public static final Budget.Judge JUDGE = (e, baseline, pruned) -> ExpectJudge.judge(e, baseline, pruned).passed();

    private BudgetCheck() {}

    public static List<Diagnostic> check(SpecDocument doc) {
        Set<Diagnostic> out = new LinkedHashSet<>(); // sweep points repeat the same finding
        for (ExperimentRun run : Experiments.resolve(doc)) {
            String model = run.model().name();
            if (model == null || !Zoo.has(model)) continue;
            if (!run.searches() && run.prunes().stream().allMatch(p -> p.layers().isEmpty())) continue; // nothing to add: no graph built
            try {
                out.addAll(layers(run));
                if (run.searches()) out.addAll(reachable(run));
            } catch (IllegalArgumentException e) {
                // a spec the estimate cannot read (the checker says why) has nothing to add here
            }
        }
        return List.copyOf(out);
    }

    private static List<Diagnostic> layers(ExperimentRun run) {
        List<Diagnostic> out = new ArrayList<>();
        Graph g = run.model().classes() == null ? Zoo.build(run.model().name()) : Zoo.build(run.model().name(), run.model().classes());
        List<String> units = FilterPlanner.units(g).stream().map(FilterGroup::conv).toList();
        for (PruneSpec p : run.prunes()) {
            if (p.granularity() != Granularity.FILTERS) continue;
            for (PruneSpec.LayerRatio l : p.layers()) {
                if (!units.contains(l.layer())) {
                    out.add(Diagnostic.error(l.range(), Codes.UNKNOWN_LAYER, "model " + run.model().name() + " has no prunable layer \""
                            + l.layer() + "\" for prune filters; its prunable layers are: " + String.join(", ", units)));
                }
            }
        }
        return out;
    }

    /** Every `ratio auto` block at its maximum: the least counts any plan can reach; the expects it still misses. */
    private static List<Diagnostic> reachable(ExperimentRun run) {
        List<Diagnostic> out = new ArrayList<>();
        Estimate e = Estimate.of(run); // auto blocks estimate to everything they can remove at their low end
        Budget budget = Budget.of(run.expects(), JUDGE);
        Counts before = e.before(), most = e.low();
        for (ExpectSpec x : budget.misses(before, most)) {
            out.add(Diagnostic.error(x.range(), Codes.BUDGET_UNREACHABLE, "expect " + x.text() + ": the lowest reachable with these prune blocks is "
                    + lowest(x, before, most) + " (" + how(run) + ")"));
        }
        return out;
    }

    private static String lowest(ExpectSpec x, Counts before, Counts most) {
        double b = Budget.figures(before).get(x.metric()), m = Budget.figures(most).get(x.metric());
        if (x.value().isPercent() || x.drop()) {
            double of = b == 0 ? 0 : m / b;
            return x.drop() ? "a drop of " + pct(1 - of) : pct(of);
        }
        return x.metric().equals("memory") ? Figures.count(m) + "B" : Figures.count(m);
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.1f%%", f * 100);
    }

    private static String how(ExperimentRun run) {
        double max = Catalog.get().property("prune", "ratio").orElseThrow().max();
        List<String> parts = new ArrayList<>();
        for (PruneSpec p : run.prunes()) {
            if (!p.auto()) continue;
            parts.add(p.granularity() == Granularity.LAYERS ? "every removable block removed"
                    : "every layer at " + Math.round(max * 100) + "%");
        }
        return String.join(", ", parts);
    }
}
