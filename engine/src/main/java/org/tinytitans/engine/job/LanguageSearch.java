package org.tinytitans.engine.job;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.lm.eval.Perplexity;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.LmConfig;
import org.tinytitans.engine.lm.prune.LmPruning;
import org.tinytitans.engine.search.PlanRunner;
import org.tinytitans.engine.search.Search;
import org.tinytitans.engine.search.Sensitivity;
import org.tinytitans.engine.search.Trial;
import org.tinytitans.engine.search.TrialStore;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.FinetuneSpec;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * A language model's `ratio auto` search and `measure sensitivity` scan: counts come exactly from the config (every
 * layer has one shape), the objective is perplexity on the second half of the text (the run's own perplexity reads
 * from its start). `prune layers` is scanned per transformer layer (each removed alone) and searched by count;
 * neurons and heads keep one size in every layer (the config holds one intermediate size and one head count), so
 * their plan is one ratio, found by bisection.
 */
final class LanguageSearch implements PlanRunner {
    private final JobContext ctx;
    private final ExperimentRun run;
    private final LanguageExperiment experiment;
    private final LanguageModel dense;
    private final List<String> notes;
    private final String heldOut;
    private Double baseline;
    private Search search;
    private Sensitivity sensitivity;

    LanguageSearch(JobContext ctx, LanguageExperiment experiment, LanguageModel dense, String text, List<String> notes) {
        this.ctx = ctx;
        this.run = ctx.run();
        this.experiment = experiment;
        this.dense = dense;
        this.notes = notes;
        if (text == null) {
            throw new JobFailure("a search evaluates perplexity: add `dataset text { path \"...\" }`", run.range());
        }
        this.heldOut = text.substring(text.length() / 2);
    }

    List<PruneSpec> plan() throws IOException {
        TrialStore store = TrialStore.open(ctx.experimentDir(), SearchFingerprint.of(run));
        if (store.size() > 0 || store.sensitivity() != null) {
            ctx.log("info", "resuming the search from " + store.size() + " finished trial(s)");
        }
        int block = run.searches() ? Search.autoBlock(run) : scanned();
        if (block < 0) {
            notes.add("measure sensitivity scans a prune layers block of a language model: nothing was scanned");
            return run.prunes();
        }
        if (run.prunes().get(block).granularity() == Granularity.LAYERS
                && (Wanted.metrics(run).contains("sensitivity") || run.searches())) {
            try (var p = ctx.green().meter().phase("sensitivity")) {
                ctx.phase("sensitivity", "scanning " + units(block).size() + " transformer layer(s), each removed alone");
                sensitivity = Search.scan(run, block, this, store);
            }
        } else if (Wanted.metrics(run).contains("sensitivity")) {
            notes.add("sensitivity of neurons and heads per layer is not scanned: a language model keeps one size in every layer");
        }
        if (!run.searches()) return run.prunes();
        if (run.prunes().get(block).granularity() != Granularity.LAYERS && "sensitivity".equals(run.search().allocation())) {
            notes.add("neurons and heads are searched as one ratio for every layer (allocation uniform): the model's config keeps one size per layer");
        }
        search = new Search(run, BudgetCheck.JUDGE, this, store, this::announce, null);
        try (var p = ctx.green().meter().phase("search")) {
            ctx.phase("search", "searching " + run.prunes().get(block).granularity() + " for "
                    + run.expects().stream().filter(e -> !e.metric().equals("perplexity")).map(e -> e.text()).toList());
            List<PruneSpec> chosen = search.run(sensitivity);
            notes.addAll(search.notes());
            return chosen;
        } catch (IllegalArgumentException e) {
            throw new JobFailure(e.getMessage(), run.prunes().get(block).range(), e);
        }
    }

    private int scanned() {
        for (int i = 0; i < run.prunes().size(); i++) {
            if (run.prunes().get(i).granularity() == Granularity.LAYERS) return i;
        }
        return -1;
    }

    private void announce(Trial t) {
        ctx.events().event("search-trial").with("experiment", run.id()).with("trial", t.json()).with("of", search.planned()).emit();
        ctx.log("info", String.format(Locale.ROOT, "trial %d (%s): params %.0f, perplexity %.3f%s", t.id(), t.stage(), t.params(),
                t.objective(), t.feasible() ? "" : " (misses the budget)"));
    }

    void finish(LanguageModel pruned, Measured measured, JsonObject result) throws IOException {
        if (search != null) {
            Double ppl = measured.values.get("perplexity");
            search.winner(counts(pruned.config()), ppl == null ? Double.NaN : ppl, null);
            result.add("search", search.json());
        }
        if (sensitivity != null) result.add("sensitivity", sensitivity.json());
    }

    // ---- PlanRunner ------------------------------------------------------------------------------

    @Override
    public double baseline() {
        if (baseline == null) baseline = perplexity(dense);
        return baseline;
    }

    @Override
    public Counts counts(List<PruneSpec> blocks) {
        LmConfig c = dense.config();
        for (PruneSpec p : blocks) {
            c = switch (p.granularity()) {
                case LAYERS -> {
                    int remove = removedLayers(p, c.layers());
                    if (remove >= c.layers()) throw new IllegalArgumentException("removing " + remove + " of " + c.layers() + " layers leaves none");
                    yield c.withLayers(c.layers() - remove);
                }
                case NEURONS -> c.withIntermediate(c.intermediate() - (int) (ratio(p) * c.intermediate()));
                case WEIGHTS -> c;
                default -> throw new IllegalArgumentException("prune " + p.granularity() + " is not searched on language models");
            };
        }
        return counts(c);
    }

    private static Counts counts(LmConfig c) {
        long params = c.paramCount();
        return new Counts(c.macsPerToken(0), params, params, params * 4.0 / (1L << 30), 0, c.layers());
    }

    private static int removedLayers(PruneSpec p, int n) {
        return p.count() != null ? p.count() : (int) ((p.ratio() == null ? 0 : p.ratio()) * n);
    }

    /** A neuron or head block's ratio: the plan's one per-layer ratio (all equal), else the block's. */
    private static double ratio(PruneSpec p) {
        if (!p.layers().isEmpty()) return p.layers().get(0).ratio();
        return p.ratio() == null ? 0 : p.ratio();
    }

    @Override
    public List<String> units(int block) {
        PruneSpec p = run.prunes().get(block);
        List<PruneSpec> before = new ArrayList<>(run.prunes().subList(0, block));
        int layers = (int) counts(before).blocks();
        if (p.granularity() == Granularity.LAYERS) {
            return IntStream.range(0, layers).mapToObj(l -> "layers." + l).toList();
        }
        // one size for every layer: the allocation is uniform (no per-layer curve to follow), the plan one ratio
        return IntStream.range(0, layers).mapToObj(l -> "layers." + l + ".mlp").toList();
    }

    @Override
    public Outcome run(List<PruneSpec> blocks, int epochs, boolean timed) {
        LanguageModel current = dense;
        try {
            for (PruneSpec p : blocks) {
                LanguageModel next = single(current, p);
                if (next == null) {
                    PruneSpec q = p;
                    if (!p.layers().isEmpty()) q = p.withPlan(ratio(p), null, Map.of());
                    if (q.granularity() != Granularity.LAYERS && (q.ratio() == null || q.ratio() <= 0)) continue;
                    if (q.granularity() == Granularity.LAYERS && removedLayers(q, current.config().layers()) == 0) continue;
                    next = experiment.prune(current, q);
                }
                if (current != dense) current.close();
                current = next;
            }
            if (epochs > 0 && run.finetune() != null) {
                FinetuneSpec f = run.finetune();
                FinetuneSpec brief = new FinetuneSpec(epochs, f.lr(), f.batch(), f.optimizer(), f.momentum(), f.nesterov(), f.weightDecay(),
                        f.warmup(), f.schedule(), f.milestones(), f.gamma(), f.distill(), f.augment(), f.samples(), f.loraRank(),
                        f.loraAlpha(), f.loraTargets(), f.maxSteps(), f.range());
                LanguageModel tuned = experiment.lora(current, brief);
                if (current != dense) current.close();
                current = tuned;
            }
            return new Outcome(perplexity(current), counts(current.config()), null);
        } finally {
            if (current != dense) current.close();
        }
    }

    /** The scan's "this layer alone" block (count 1, every other layer excluded): that layer removed; else null. */
    private LanguageModel single(LanguageModel model, PruneSpec p) {
        if (p.granularity() != Granularity.LAYERS || p.count() == null || p.count() != 1 || p.exclude().isEmpty()) return null;
        List<String> all = IntStream.range(0, model.config().layers()).mapToObj(l -> "layers." + l).toList();
        List<String> left = all.stream().filter(n -> !p.exclude().contains(n)).toList();
        if (left.size() != 1) return null;
        return LmPruning.withoutLayers(model, Set.of(Integer.parseInt(left.get(0).substring("layers.".length()))));
    }

    private double perplexity(LanguageModel model) {
        return Perplexity.of(model, heldOut, experiment.seqLen(), run.search().samples() * experiment.seqLen());
    }
}
