package org.tinytitans.engine.job;

import ai.djl.nn.Block;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.Subsample;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.graph.FilterGroup;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.latency.LatencyConfig;
import org.tinytitans.engine.model.InferenceForm;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.prune.Estimate;
import org.tinytitans.engine.prune.FilterPlanner;
import org.tinytitans.engine.prune.LayerPlanner;
import org.tinytitans.engine.search.LatencyTable;
import org.tinytitans.engine.search.PlanRunner;
import org.tinytitans.engine.search.Search;
import org.tinytitans.engine.search.Sensitivity;
import org.tinytitans.engine.search.Trial;
import org.tinytitans.engine.search.TrialStore;
import org.tinytitans.engine.train.Evaluator;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * A vision experiment's `ratio auto` search and `measure sensitivity` scan: the engine side of {@link Search}, pruning
 * the unpruned model as the experiment does and scoring accuracy on a class-stratified subset of the train split (so
 * the plan is not chosen on the evaluation split the result reports).
 */
final class VisionSearch implements PlanRunner {
    private final JobContext ctx;
    private final ExperimentRun run;
    private final VisionExperiment experiment;
    private final Network dense;
    private final List<String> notes;
    private final ImageSet samples;
    private Double baseline;
    private Search search;
    private Sensitivity sensitivity;

    VisionSearch(JobContext ctx, VisionExperiment experiment, Network dense, List<String> notes) {
        this.ctx = ctx;
        this.run = ctx.run();
        this.experiment = experiment;
        this.dense = dense;
        this.notes = notes;
        ImageSet train = experiment.train();
        if (train == null) {
            throw new JobFailure("a search evaluates plans on data: add a dataset with a train split", run.range());
        }
        int perClass = Math.max(1, run.search().samples() / Math.max(1, train.classes()));
        this.samples = Subsample.stratified(train, perClass, run.seed() + 7919);
    }

    static boolean wanted(ExperimentRun run, Set<String> wanted) {
        return run.searches() || wanted.contains("sensitivity");
    }

    /** The prune blocks the experiment runs: the chosen plan after a search, the spec's own after a scan alone. */
    List<PruneSpec> plan() throws IOException {
        TrialStore store = TrialStore.open(ctx.experimentDir(), SearchFingerprint.of(run));
        if (store.size() > 0 || store.sensitivity() != null) {
            ctx.log("info", "resuming the search from " + store.size() + " finished trial(s)" + (store.sensitivity() != null ? " and the sensitivity scan" : ""));
        }
        int block = run.searches() ? Search.autoBlock(run) : scanned();
        if (block < 0) {
            notes.add("measure sensitivity needs a prune filters or prune layers block: nothing was scanned");
            return run.prunes();
        }
        boolean scan = Wanted.metrics(run).contains("sensitivity") || run.searches() && "sensitivity".equals(run.search().allocation());
        if (scan) {
            try (var p = ctx.green().meter().phase("sensitivity")) {
                ctx.phase("sensitivity", "scanning " + units(block).size() + " layer(s) at " + run.search().ratios().size() + " ratio(s) on "
                        + samples.size() + " samples");
                sensitivity = Search.scan(run, block, this, store);
            }
        }
        if (!run.searches()) return run.prunes();
        search = new Search(run, BudgetCheck.JUDGE, this, store, this::announce, latencyTable(block));
        try (var p = ctx.green().meter().phase("search")) {
            ctx.phase("search", "searching ratios for " + run.expects().stream().filter(e -> !e.metric().equals("accuracy")).map(e -> e.text()).toList());
            List<PruneSpec> chosen = search.run(sensitivity);
            notes.addAll(search.notes());
            ctx.log("info", "chosen plan: " + Amount.label(chosen.get(Search.autoBlock(run))));
            return chosen;
        } catch (IllegalArgumentException e) {
            throw new JobFailure(e.getMessage(), run.prunes().get(block).range(), e);
        }
    }

    /**
     * A latency budget on a filters search is priced by a table measured here, on the device the job runs on, at the
     * experiment's latency batch and threads (NetAdapt): the search then never guesses a plan's latency. Other
     * granularities time their finalists instead (Search's fallback).
     */
    private LatencyTable latencyTable(int block) {
        boolean latencyBudget = run.expects().stream().anyMatch(e -> e.metric().equals("latency"));
        if (!latencyBudget || run.prunes().get(block).granularity() != Granularity.FILTERS) return null;
        int threads = run.latency().threads();
        int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        try (var p = ctx.green().meter().phase("latency-table")) {
            ctx.phase("latency-table", "timing each prunable layer at each candidate width (batch " + run.latency().batch() + ")");
            if (threads > 0) ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
            return LatencyTable.measure(dense.graph(), run.search().ratios(), run.latency().batch(), 3, Math.max(10, run.latency().runs() / 2),
                    run.seed(), ctx.progress());
        } finally {
            if (threads > 0) ai.djl.pytorch.jni.JniUtils.setNumThreads(before);
        }
    }

    /** The block `measure sensitivity` scans without a search: the first filters or layers block. */
    private int scanned() {
        for (int i = 0; i < run.prunes().size(); i++) {
            Granularity g = run.prunes().get(i).granularity();
            if (g == Granularity.FILTERS || g == Granularity.LAYERS) return i;
        }
        return -1;
    }

    private void announce(Trial t) {
        ctx.events().event("search-trial").with("experiment", run.id()).with("trial", t.json()).with("of", search.planned()).emit();
        ctx.log("info", String.format(Locale.ROOT, "trial %d (%s): flops %.0f, params %.0f, %s %.4f%s", t.id(), t.stage(), t.flops(), t.params(),
                run.search().objective(), t.objective(), t.feasible() ? "" : " (misses the budget)"));
    }

    /** After the experiment's full fine-tune and evaluation: the winner trial, and both tables into the result. */
    void finish(Network pruned, Measured measured, JsonObject result) throws IOException {
        if (search != null) {
            Double accuracy = measured.values.get("accuracy");
            Double latency = measured.values.get("latency");
            search.winner(pruned.graph().counts(), accuracy == null ? Double.NaN : accuracy, latency == null ? null : latency * 1000);
            result.add("search", search.json());
        }
        if (sensitivity != null) result.add("sensitivity", sensitivity.json());
    }

    // ---- PlanRunner ------------------------------------------------------------------------------

    @Override
    public double baseline() {
        if (baseline == null) baseline = accuracy(dense);
        return baseline;
    }

    @Override
    public Counts counts(List<PruneSpec> blocks) {
        return Estimate.of(run.withPrunes(blocks)).low();
    }

    @Override
    public List<String> units(int block) {
        List<PruneSpec> before = run.prunes().subList(0, block).stream().map(x -> x.auto() ? x.withPlan(0.0, null, Map.of()) : x).toList();
        Graph g = Estimate.of(run.withPrunes(before)).after();
        PruneSpec p = run.prunes().get(block);
        org.tinytitans.engine.prune.Globs skip = org.tinytitans.engine.prune.Globs.of(p.exclude());
        if (p.granularity() == Granularity.LAYERS) {
            return LayerPlanner.candidates(g).stream().map(b -> b.name()).filter(n -> !skip.matches(n)).toList();
        }
        return FilterPlanner.units(g).stream().map(FilterGroup::conv).filter(n -> !skip.matches(n)).toList();
    }

    @Override
    public Outcome run(List<PruneSpec> blocks, int epochs, boolean timed) {
        Network current = dense;
        try {
            for (PruneSpec p : blocks) {
                Network next = experiment.prune(current, dense, p);
                if (current != dense) current.close();
                current = next;
            }
            if (epochs > 0 && run.finetune() != null) {
                if (current == dense) current = dense.copy();
                experiment.finetune(current, dense, run.finetune(), epochs);
            } else if (epochs > 0) {
                notes.add("finalists are not fine-tuned: the experiment has no finetune block to take the settings from");
            }
            double objective = accuracy(current);
            Double ms = timed ? time(current) : null;
            return new Outcome(objective, current.graph().counts(), ms);
        } finally {
            if (current != dense) current.close();
        }
    }

    private double accuracy(Network net) {
        try (InferenceForm form = InferenceForm.of(net)) {
            return Evaluator.evaluate(form.block(), samples, run.dataset().batch(), Progress.NONE).accuracy();
        }
    }

    /** Median milliseconds of the pruned model alone, with the experiment's latency settings (fewer runs). */
    private double time(Network net) {
        var l = run.latency();
        Graph g = net.graph();
        long[] shape = {l.batch(), g.inputLayer().out(), g.height(), g.width()};
        try (InferenceForm form = InferenceForm.of(net)) {
            Map<String, Block> models = new LinkedHashMap<>();
            models.put("pruned", form.block());
            var report = experiment.timeInEngine(models, new LatencyConfig(shape, l.warmup(), Math.max(5, l.runs() / 2), run.seed()), l.threads());
            return report.of("pruned").p50();
        }
    }
}
