package org.tinytitans.engine.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.ExpectSpec;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * "Say the budget, get the plan" (docs/search.md): the sensitivity scan, then plans that meet the counted budget
 * exactly (bisection of one ratio, and per-layer allocations from the sensitivity curves), each evaluated without
 * fine-tuning; the best feasible ones get a short fine-tune and the best of those is the plan the experiment then
 * prunes and fine-tunes in full. Every trial is stored as it finishes ({@link TrialStore}) and announced as a
 * {@code search-trial} event.
 */
public final class Search {
    /** Steps of the greedy allocations: each is one more candidate plan. */
    private static final double[] STEPS = {0.05, 0.1, 0.025};
    /** Mixes of the finest greedy plan with the uniform one, each rescaled onto the budget. */
    private static final double[] BLENDS = {0.5, 0.75, 0.25};

    private final ExperimentRun run;
    private final int auto;
    private final PlanRunner runner;
    private final TrialStore store;
    private final Consumer<Trial> announce;
    private final LatencyPredictor latency;
    private final Budget budget;
    private final boolean higherIsBetter;
    private final List<String> notes = new ArrayList<>();
    private final List<Trial> trials = new ArrayList<>();
    private int planned;

    /**
     * @param announce called with each finished trial and the planned total ({@link #planned()})
     * @param judge    the run's verdict on one expect (the job's ExpectJudge)
     * @param latency  a measured per-layer latency table, or null (latency budgets are then judged by timing finalists)
     */
    public Search(ExperimentRun run, Budget.Judge judge, PlanRunner runner, TrialStore store, Consumer<Trial> announce,
                  LatencyPredictor latency) {
        this.run = run;
        this.auto = autoBlock(run);
        this.runner = runner;
        this.store = store;
        this.announce = announce;
        this.latency = latency;
        this.budget = Budget.of(run.expects(), judge);
        this.higherIsBetter = higherIsBetter(run.search().objective());
    }

    /** The index of the one `ratio auto` block this search plans; several are refused with the reason. */
    public static int autoBlock(ExperimentRun run) {
        List<Integer> autos = new ArrayList<>();
        for (int i = 0; i < run.prunes().size(); i++) {
            if (run.prunes().get(i).auto()) autos.add(i);
        }
        if (autos.isEmpty()) throw new IllegalArgumentException("no prune block says 'ratio auto'");
        if (autos.size() > 1) {
            throw new IllegalArgumentException("one 'ratio auto' block per experiment is searched; blocks " + autos.get(0) + " and "
                    + autos.get(1) + " both say it (give one of them a fixed ratio or count)");
        }
        return autos.get(0);
    }

    public static boolean higherIsBetter(String objective) {
        return Catalog.get().metric(objective).map(m -> !m.lowerIsBetter()).orElse(true);
    }

    public int planned() {
        return planned;
    }

    public List<String> notes() {
        return notes;
    }

    public List<Trial> trials() {
        return trials;
    }

    // ---- the sensitivity scan ----------------------------------------------------------------------

    /** Each unit of the auto block (or of {@code block}) pruned alone at each scan ratio, without fine-tuning. */
    public static Sensitivity scan(ExperimentRun run, int block, PlanRunner runner, TrialStore store) throws IOException {
        if (store.sensitivity() != null) return store.sensitivity();
        PruneSpec p = run.prunes().get(block);
        List<PruneSpec> before = run.prunes().subList(0, block).stream().map(x -> x.auto() ? x.withPlan(0.0, null, Map.of()) : x).toList();
        Counts unpruned = runner.counts(before);
        double baseline = runner.baseline();
        List<String> units = runner.units(block);
        List<Sensitivity.Curve> curves = new ArrayList<>();
        boolean layers = p.granularity() == Granularity.LAYERS;
        for (String u : units) {
            List<Double> ratios = layers ? List.of(1.0) : run.search().ratios();
            List<Double> values = new ArrayList<>();
            List<Long> removed = new ArrayList<>();
            for (double r : ratios) {
                List<PruneSpec> blocks = new ArrayList<>(before);
                blocks.add(layers ? only(p, u, units) : p.withPlan(0.0, null, Map.of(u, r)));
                PlanRunner.Outcome o = runner.run(blocks, 0, false);
                values.add(o.objective());
                removed.add(unpruned.macs() - o.counts().macs());
            }
            curves.add(new Sensitivity.Curve(u, ratios, values, removed));
        }
        String objective = run.search().objective();
        Sensitivity s = new Sensitivity(p.granularity().keyword(), p.criterion(), objective, higherIsBetter(objective), baseline,
                run.search().samples(), curves);
        store.sensitivity(s);
        return s;
    }

    /** `prune layers` removing exactly this block: count 1 with every other candidate excluded. */
    static PruneSpec only(PruneSpec p, String unit, List<String> units) {
        List<String> exclude = new ArrayList<>(p.exclude());
        units.stream().filter(x -> !x.equals(unit)).forEach(exclude::add);
        return new PruneSpec(p.granularity(), p.criterion(), null, 1, 1, p.scope(), null, exclude, p.seed(), p.samples(),
                p.minFilters(), p.roundTo(), p.after(), p.fuse(), p.range(), p.criterionRange());
    }

    // ---- the search ----------------------------------------------------------------------------------

    /** Runs the search; returns the concrete prune blocks of the chosen plan (the experiment prunes and fine-tunes those). */
    public List<PruneSpec> run(Sensitivity sensitivity) throws IOException {
        PruneSpec p = run.prunes().get(auto);
        Counts unpruned = runner.counts(concrete(plan(Map.of())));
        List<Map<String, Double>> candidates;
        List<Integer> counts = null;
        if (p.granularity() == Granularity.LAYERS) {
            counts = layerCounts(unpruned);
            candidates = counts.stream().map(c -> (Map<String, Double>) null).toList();
        } else {
            candidates = filterCandidates(sensitivity, unpruned);
        }
        int total = Math.min(run.search().trials(), candidates.size());
        int finalists = Math.min(run.search().finalists(), total);
        // at most: the uniform plan joins the finalists when it is not among them; exact once they are known
        planned = total + Math.min(total, finalists + 1) + 1;
        if (budget.counted().isEmpty() && budget.measured().isEmpty()) {
            notes.add("the search has no budget: no expect on flops, params, memory, latency, energy or carbon, so nothing needs pruning");
        }
        if (budget.measured().stream().anyMatch(e -> !e.metric().equals("latency"))) {
            notes.add("expects on energy, carbon, speedup or throughput are not search constraints: they are judged after the run");
        }
        for (int i = 0; i < total; i++) {
            List<BlockPlan> plan = counts != null ? List.of(new BlockPlan(auto, p.granularity(), Map.of(), counts.get(i)))
                    : List.of(new BlockPlan(auto, p.granularity(), candidates.get(i), null));
            trial(i == 0 ? "bisection" : "allocation", plan, 0, false);
        }
        List<Trial> ranked = new ArrayList<>(trials.stream().filter(Trial::feasible).sorted(better()).limit(finalists).toList());
        // the uniform plan always reaches the short fine-tune: an untrained lead does not always survive training
        // (bench/run --only search measured it), so the search returns the uniform plan unless a per-layer one beats it there
        trials.stream().filter(t -> t.stage().equals("bisection") && t.feasible() && !ranked.contains(t)).findFirst().ifPresent(ranked::add);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("no plan the search tried meets the budget (" + budget.counted().stream().map(ExpectSpec::text).toList() + ")");
        }
        planned = total + ranked.size() + 1;
        boolean timed = budget.measured().stream().anyMatch(e -> e.metric().equals("latency")) && latency == null;
        if (timed) notes.add("latency budget judged by timing each finalist (no latency table on this build)");
        Double baselineMs = timed ? runner.run(List.of(), 0, true).latencyMs() : null;
        List<Trial> finals = new ArrayList<>();
        for (Trial t : ranked) {
            finals.add(finalist(t, baselineMs, timed));
        }
        List<Trial> ok = finals.stream().filter(Trial::feasible).sorted(better()).toList();
        if (ok.isEmpty()) {
            throw new IllegalArgumentException("no finalist meets the latency budget " + budget.measured().stream().map(ExpectSpec::text).toList()
                    + " as timed; a tighter FLOPs budget would get there");
        }
        chosen = ok.get(0);
        markPareto();
        return concrete(chosen.plan());
    }

    private Trial chosen;

    /** The finalist whose plan the experiment runs in full. */
    public Trial chosen() {
        return chosen;
    }

    private Comparator<Trial> better() {
        Comparator<Trial> c = Comparator.comparingDouble(Trial::objective);
        return higherIsBetter ? c.reversed() : c;
    }

    private Trial finalist(Trial t, Double baselineMs, boolean timed) throws IOException {
        Trial done = store.find("finalist", t.plan());
        if (done == null) {
            PlanRunner.Outcome o = runner.run(concrete(t.plan()), run.search().finalistEpochs(), timed);
            Double ms = latency != null ? Double.valueOf(latency.predictMs(ratiosOf(t.plan()))) : o.latencyMs();
            boolean feasible = budget.fits(baselineCounts(), o.counts()) && latencyFits(baselineMs, ms);
            done = new Trial(0, "finalist", t.plan(), o.counts().macs(), o.counts().params(), o.counts().memoryGb() * (1L << 30), ms,
                    o.objective(), feasible, false);
        }
        return record(done);
    }

    private boolean latencyFits(Double baselineMs, Double ms) {
        for (ExpectSpec e : budget.measured()) {
            if (!e.metric().equals("latency") || ms == null) continue;
            Map<String, Double> b = new LinkedHashMap<>(), q = new LinkedHashMap<>();
            if (baselineMs != null) b.put("latency", baselineMs / 1000);
            q.put("latency", ms / 1000);
            if (!budget.judge().passed(e, b, q)) return false;
        }
        return true;
    }

    private Counts baselineCounts;

    private Counts baselineCounts() {
        if (baselineCounts == null) baselineCounts = runner.counts(List.of());
        return baselineCounts;
    }

    private void trial(String stage, List<BlockPlan> plan, int epochs, boolean timed) throws IOException {
        Trial done = store.find(stage, plan);
        if (done == null) {
            PlanRunner.Outcome o = runner.run(concrete(plan), epochs, timed);
            Double ms = latency != null ? Double.valueOf(latency.predictMs(ratiosOf(plan))) : o.latencyMs();
            boolean feasible = budget.fits(baselineCounts(), o.counts()) && (latency == null || latencyFits(null, ms));
            done = new Trial(0, stage, plan, o.counts().macs(), o.counts().params(), o.counts().memoryGb() * (1L << 30), ms,
                    o.objective(), feasible, false);
        }
        record(done);
    }

    private Trial record(Trial t) throws IOException {
        Trial numbered = new Trial(trials.size(), t.stage(), t.plan(), t.flops(), t.params(), t.memoryBytes(), t.latencyMs(),
                t.objective(), t.feasible(), false);
        trials.add(numbered);
        store.add(numbered);
        announce.accept(numbered);
        return numbered;
    }

    /** The winner as the experiment finally measured it (full fine-tune, the evaluation split). */
    public Trial winner(Counts counts, double objective, Double latencyMs) throws IOException {
        boolean feasible = budget.fits(baselineCounts(), counts);
        Trial w = new Trial(trials.size(), "winner", chosen.plan(), counts.macs(), counts.params(), counts.memoryGb() * (1L << 30),
                latencyMs, objective, feasible, false);
        trials.add(w);
        announce.accept(w);
        markPareto();
        return trials.get(trials.size() - 1);
    }

    private void markPareto() {
        // untrained, briefly trained and fully trained objectives do not compare: a front per stage
        List<Trial> out = new ArrayList<>();
        for (String stage : List.of("bisection|allocation", "finalist", "winner")) {
            List<Trial> group = trials.stream().filter(t -> stage.contains(t.stage())).toList();
            out.addAll(Trial.markPareto(group, higherIsBetter));
        }
        out.sort(Comparator.comparingInt(Trial::id));
        trials.clear();
        trials.addAll(out);
    }

    private static Map<String, Double> ratiosOf(List<BlockPlan> plan) {
        Map<String, Double> m = new LinkedHashMap<>();
        plan.forEach(b -> m.putAll(b.ratios()));
        return m;
    }

    private List<BlockPlan> plan(Map<String, Double> ratios) {
        return List.of(new BlockPlan(auto, run.prunes().get(auto).granularity(), ratios, null));
    }

    /** The experiment's prune blocks with the auto one replaced by this plan. */
    public List<PruneSpec> concrete(List<BlockPlan> plan) {
        List<PruneSpec> out = new ArrayList<>(run.prunes());
        for (BlockPlan b : plan) out.set(b.block(), b.apply(run.prunes().get(b.block())));
        return out;
    }

    /** Filter plans: the uniform bisection first, then greedy allocations and blends, each meeting the budget exactly. */
    private List<Map<String, Double>> filterCandidates(Sensitivity s, Counts unpruned) {
        double max = Catalog.get().property("prune", "ratio").orElseThrow().max();
        List<Predicate<Counts>> targets = new ArrayList<>();
        if (!budget.counted().isEmpty()) {
            targets.add(c -> budget.fits(baselineCounts(), c));
        } else if (budget.measured().stream().anyMatch(e -> e.metric().equals("latency"))) {
            // no counted budget: candidates at FLOPs levels of the scan ratios, and the timed finalists decide
            for (double r : run.search().ratios()) targets.add(c -> c.macs() <= (1 - r) * unpruned.macs());
        } else {
            targets.add(c -> true);
        }
        List<Map<String, Double>> out = new ArrayList<>();
        List<String> units = runner.units(auto);
        for (Predicate<Counts> target : targets) {
            Allocation a = new Allocation(units, max, r -> runner.counts(concrete(plan(r))), target);
            Map<String, Double> uniform = a.uniform();
            if (uniform == null) continue;
            out.add(uniform);
            if (s == null || !"sensitivity".equals(run.search().allocation())) continue;
            List<Map<String, Double>> greedy = new ArrayList<>();
            for (double step : STEPS) {
                greedy.add(a.greedy(step, s::loss, (before, after) -> removed(before, after, unpruned)));
            }
            out.addAll(greedy);
            Map<String, Double> best = greedy.get(0);
            if (best != null) {
                for (double alpha : BLENDS) out.add(a.blend(best, uniform, alpha));
            }
            out = a.distinct(out);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no plan of the 'ratio auto' block meets " + budget.counted().stream().map(ExpectSpec::text).toList()
                    + " even with every layer at " + Math.round(max * 100) + "%");
        }
        return out;
    }

    /** What a step removed of what the budget still asks: the relative decrease of each counted metric still missed. */
    private double removed(Counts before, Counts after, Counts unpruned) {
        Map<String, Double> b = Budget.figures(before), a = Budget.figures(after), u = Budget.figures(unpruned);
        double sum = 0;
        for (ExpectSpec e : budget.counted()) {
            if (budget.judge().passed(e, Budget.figures(baselineCounts()), b)) continue;
            sum += (b.get(e.metric()) - a.get(e.metric())) / Math.max(1, u.get(e.metric()));
        }
        if (budget.counted().isEmpty()) sum = (b.get("flops") - a.get("flops")) / Math.max(1, u.get("flops"));
        return sum;
    }

    /** `prune layers`: the least count whose pruned model meets the budget by estimate, and the next ones. */
    private List<Integer> layerCounts(Counts unpruned) {
        PruneSpec p = run.prunes().get(auto);
        int most = runner.units(auto).size();
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k <= most && out.size() < Math.max(1, run.search().trials()); k++) {
            List<PruneSpec> blocks = new ArrayList<>(run.prunes());
            blocks.set(auto, p.withPlan(null, k, Map.of()));
            Counts c;
            try {
                c = runner.counts(blocks);
            } catch (IllegalArgumentException e) {
                break; // more blocks than the stages allow
            }
            if (budget.fits(baselineCounts(), c) || !out.isEmpty()) out.add(k);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no count of 'prune layers' meets " + budget.counted().stream().map(ExpectSpec::text).toList());
        }
        return out.subList(0, Math.min(out.size(), 3));
    }

    /** The `search` object of the result JSON (docs/search.md). */
    public JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("objective", run.search().objective());
        o.addProperty("higher_is_better", higherIsBetter);
        o.addProperty("allocation", run.search().allocation());
        o.add("constraints", budget.json());
        JsonArray ts = new JsonArray();
        trials.forEach(t -> ts.add(t.json()));
        o.add("trials", ts);
        Trial w = trials.stream().filter(t -> t.stage().equals("winner")).findFirst().orElse(chosen);
        if (w == null) o.add("chosen", JsonNull.INSTANCE);
        else o.addProperty("chosen", w.id());
        if (latency == null) o.add("latency_table", JsonNull.INSTANCE);
        else o.add("latency_table", latency.json());
        return o;
    }
}
