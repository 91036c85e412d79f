package org.tinytitans.engine.job;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tinytitans.engine.data.DataException;
import org.tinytitans.engine.data.Datasets;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.Split;
import org.tinytitans.engine.latency.LatencyConfig;
import org.tinytitans.engine.latency.LatencyHarness;
import org.tinytitans.engine.latency.LatencyReport;
import org.tinytitans.engine.latency.LatencyStats;
import org.tinytitans.engine.lm.model.Inference;
import org.tinytitans.engine.lm.model.Owned;
import org.tinytitans.engine.methods.Methods;
import org.tinytitans.engine.methods.PruningMethod;
import org.tinytitans.engine.methods.TokenPruning;
import org.tinytitans.engine.methods.VitStructure;
import org.tinytitans.engine.metrics.PhaseEnergy;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.vit.EncoderConfig;
import org.tinytitans.engine.vit.MultimodalModel;
import org.tinytitans.engine.vit.TokenPlan;
import org.tinytitans.engine.vit.VisionCheckpoints;
import org.tinytitans.engine.vit.VisionCounts;
import org.tinytitans.engine.vit.VisionZoo;
import org.tinytitans.engine.vit.VitConfig;
import org.tinytitans.engine.vit.VitModel;
import org.tinytitans.engine.vit.VitPrune;
import org.tinytitans.language.catalog.ModelFamily;
import org.tinytitans.language.resolve.DatasetSpec;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * One ViT/DeiT experiment (family `vit`): load a Hugging Face folder (or the zoo shape at random init), measure
 * accuracy on the image dataset, prune (MLP hidden units, attention heads and encoder blocks physically with {@link VitPrune}, then
 * tokens at run time), measure again, time dense and pruned interleaved with the latency
 * harness, and account the energy. Token pruning changes no weight: the pruned model is the dense one run with a
 * {@link TokenPlan}, so the result records the tokens each block sees instead of a model file.
 */
final class VitExperiment {

    private final JobContext ctx;
    private final ExperimentRun run;
    private final List<String> notes = new ArrayList<>();
    private ImageSet test;

    VitExperiment(JobContext ctx) {
        this.ctx = ctx;
        this.run = ctx.run();
    }

    ExperimentOutcome execute() throws IOException {
        Set<String> wanted = Wanted.metrics(run);
        Measured baseline = new Measured("baseline");
        Measured pruned = new Measured("pruned");
        JsonObject result = new JsonObject();
        VitModel model;
        try (var p = ctx.green().meter().phase("load")) {
            ctx.phase("load", "loading " + run.model().name() + (run.model().weights() == null ? " (random init)" : " from " + run.model().weights()));
            model = load();
            loadData(model.config(), wanted);
        }
        VitModel dense = model;
        try (dense) {
            try (var p = ctx.green().meter().phase("baseline")) {
                ctx.phase("baseline", "measuring the unpruned model");
                measure(model, null, baseline, wanted);
            }
            TokenPlan plan = null;
            try (var p = ctx.green().meter().phase("pruning")) {
                for (PruneSpec prune : run.prunes()) {
                    PruningMethod method = method(prune);
                    if (method instanceof VitStructure v) {
                        if (plan != null) {
                            throw new JobFailure("prune tokens must come last: it runs on the model the blocks before it leave", prune.range());
                        }
                        VitModel next = structure(model, v, prune);
                        if (model != dense) {
                            model.close();
                        }
                        model = next;
                        continue;
                    }
                    if (plan != null) {
                        throw new JobFailure("one prune tokens block per experiment: tokens are reduced after one block", prune.range());
                    }
                    plan = plan(prune, (TokenPruning) method, model.config());
                }
            } catch (RuntimeException e) {
                if (model != dense) {
                    model.close();
                }
                throw e;
            }
            try (VitModel prunedModel = model == dense ? null : model) {
                return finish(model, dense, plan, baseline, pruned, result, wanted);
            }
        }
    }

    private ExperimentOutcome finish(VitModel model, VitModel dense, TokenPlan plan, Measured baseline, Measured pruned,
                                     JsonObject result, Set<String> wanted) throws IOException {
        {
            VitConfig c = model.config();
            if (run.finetune() != null) {
                 throw new JobFailure("fine-tuning a vision transformer is not supported yet", run.finetune().range());
            }
            try (var p = ctx.green().meter().phase("evaluate")) {
                ctx.phase("evaluate", "measuring the pruned model");
                measure(model, plan, pruned, wanted);
            }
            LatencyReport latency = null;
            PhaseEnergy latencyEnergy = null;
            if (Wanted.timing(wanted)) {
                var p = ctx.green().meter().phase("latency");
                latency = time(dense, model, plan);
                latencyEnergy = p.stop();
                put(baseline, latency.of("dense"));
                put(pruned, latency.of("pruned"));
            }
            if (plan != null) {
                result.add("tokens", tokens(c, plan));
                notes.add("token pruning changes no weight: the pruned model is run with fewer tokens after block "
                        + plan.afterBlock());
            }
            if (model != dense) {
                result.add("encoder", encoder(dense.config(), c));
                notes.add("the structurally pruned ViT is held in memory and measured; writing it as a model folder is not built yet");
            }
            Energy.account(ctx, baseline, pruned, latency, latencyEnergy, result, notes);
            result.add("process", MeasuredMemory.json(ctx.green().memory().read()));
            result.add("layers", new JsonArray());
            return ExperimentOutcome.of(run, baseline, pruned, result, notes, ctx.events());
        }
    }

    private VitModel load() {
        var m = run.model();
        VitConfig zoo = VisionZoo.shape(m.name()).filter(VitConfig.class::isInstance).map(VitConfig.class::cast)
                .orElseThrow(() -> new JobFailure("model " + m.name() + " is not a ViT classifier shape", m.range()));
        if (m.weights() == null) {
            notes.add("no weights: " + m.name() + " runs at random init (accuracy means nothing)");
            return VitModel.random(zoo, run.seed());
        }
        Path dir = ctx.resolve(m.weights());
        MultimodalModel loaded;
        try {
            loaded = VisionCheckpoints.load(dir);
        } catch (IOException | RuntimeException e) {
            throw new JobFailure("cannot load " + m.weights() + ": " + e.getMessage(), m.range(), e);
        }
        if (!(loaded instanceof VitModel v)) {
            loaded.close();
            throw new JobFailure(m.weights() + " holds a " + loaded.config().modelType() + " model, not a ViT classifier", m.range());
        }
        return v;
    }

    private void loadData(VitConfig c, Set<String> wanted) {
        DatasetSpec d = run.dataset();
        if (d == null || d.name().equals("synthetic")) {
            if (wanted.contains("accuracy")) {
                notes.add(d == null ? "no dataset: accuracy is not measured" : "synthetic data: accuracy is not measured (it would mean nothing)");
            }
            return;
        }
        String kind = d.name().equals("imagenet") ? "folders" : d.name();
        try {
            test = Datasets.open(kind, ctx.resolve(d.path()), Split.TEST);
        } catch (DataException e) {
            throw new JobFailure(e.getMessage(), d.range(), e);
        }
        var t = c.tower();
        if (test.channels() != t.channels() || test.height() != t.imageSize() || test.width() != t.imageSize()) {
            throw new JobFailure("dataset " + d.name() + " has " + test.channels() + "x" + test.height() + "x" + test.width()
                    + " images; " + run.model().name() + " takes " + t.channels() + "x" + t.imageSize() + "x" + t.imageSize(), d.range());
        }
    }

    private PruningMethod method(PruneSpec p) {
        try {
            return Methods.require(p.granularity().keyword(), ModelFamily.VIT, p.criterion(), run.model().name());
        } catch (IllegalArgumentException e) {
            throw new JobFailure(e.getMessage(), p.criterionRange() != null ? p.criterionRange() : p.range(), e);
        }
    }

    /** A new model without the units or blocks {@code p} removes from {@code m}, each block losing the same count. */
    private VitModel structure(VitModel m, VitStructure v, PruneSpec p) {
        EncoderConfig e = m.config().tower().encoder();
        String g = v.info().granularity();
        if (g.equals("weights")) {
            var pat = p.pattern();
            try {
                VitModel out = VitPrune.weights(m, p.ratio() == null ? 0 : p.ratio(), pat == null ? 0 : pat.keep(), pat == null ? 0 : pat.group());
                notes.add(Amount.label(p) + ": encoder linear weights zeroed in place (shapes unchanged, so MACs and latency do not fall without sparse kernels)");
                return out;
            } catch (IllegalArgumentException ex) {
                throw new JobFailure(ex.getMessage(), p.range(), ex);
            }
        }
        String what = switch (g) {
            case "layers" -> "encoder blocks";
            case "heads" -> "attention heads per block";
            default -> "MLP hidden units per block";
        };
        int n = switch (g) {
            case "layers" -> e.layers();
            case "heads" -> e.heads();
            default -> e.intermediate();
        };
        int remove = p.count() != null ? p.count() : VitPrune.removed(p.ratio() == null ? 0 : p.ratio(), n);
        try {
            VitModel out = switch (g) {
                case "layers" -> VitPrune.layers(m, remove, v.score(), p.seed());
                case "heads" -> VitPrune.heads(m, remove, v.score(), p.seed());
                default -> VitPrune.neurons(m, remove, v.score(), p.seed());
            };
            ctx.phase("pruning", Amount.label(p) + ": " + what + " " + n + " -> " + (n - remove));
            notes.add(Amount.label(p) + ": " + what + " " + n + " -> " + (n - remove)
                    + (g.equals("layers") ? "" : " in each of the " + e.layers() + " blocks"));
            return out;
        } catch (IllegalArgumentException ex) {
            throw new JobFailure(ex.getMessage(), p.range(), ex);
        }
    }

    private TokenPlan plan(PruneSpec p, TokenPruning method, VitConfig c) {
        try {
            TokenPlan plan = method.rule().plan(p.after(), p.ratio() == null ? 0 : p.ratio(), p.fuse());
            plan.check(c.tower());
            ctx.phase("pruning", Amount.label(p) + " after block " + p.after() + ": " + plan.kept(c.tower().patches()) + " of "
                    + c.tower().patches() + " patch tokens go on");
            return plan;
        } catch (IllegalArgumentException e) {
            throw new JobFailure(e.getMessage(), p.range(), e);
        }
    }

    /** Params, MACs per image, memory, the tokens each block sees and (with data) accuracy; plan null: dense. */
    private void measure(VitModel model, TokenPlan plan, Measured m, Set<String> wanted) {
        VitConfig c = model.config();
        VisionCounts counts = plan == null ? VisionCounts.of(c) : VisionCounts.vit(c, plan);
        m.put("params", counts.params());
        m.put("flops", counts.macsPerImage());
        m.put("memory", counts.weightBytes() + counts.activationBytes());
        long nonzero = VitPrune.nonzero(model);
        double sparsity = model.paramCount() == 0 ? 0 : 1 - (double) nonzero / model.paramCount();
        m.put("sparsity", sparsity);
        m.json.addProperty("params", counts.params());
        m.json.addProperty("nonzero_params", model.paramCount() == 0 ? counts.params() : nonzero);
        m.json.addProperty("flops", counts.macsPerImage());
        m.json.addProperty("flops_unit", "MACs per image");
        m.json.addProperty("memory_mb", (counts.weightBytes() + counts.activationBytes()) / 1024.0 / 1024);
        m.json.addProperty("sparsity", sparsity);
        m.json.addProperty("blocks", c.tower().encoder().layers());
        m.json.add("tokens_per_block", perBlock(c, plan));
        emit(m.which, "params", counts.params(), "");
        emit(m.which, "flops", counts.macsPerImage(), "");
        if (test != null && wanted.contains("accuracy")) {
            ctx.phase("evaluate", "evaluating " + m.which + " accuracy on " + test.size() + " test images");
            double acc = accuracy(model, plan);
            m.put("accuracy", acc);
            m.json.addProperty("accuracy", acc);
            m.json.addProperty("samples", test.size());
            emit(m.which, "accuracy", acc, "fraction");
        }
    }

    /** Tokens (CLS included) each block runs on, block 1 first. */
    static JsonArray perBlock(VitConfig c, TokenPlan plan) {
        JsonArray a = new JsonArray();
        int all = c.tower().tokens();
        for (int l = 1; l <= c.tower().encoder().layers(); l++) {
            a.add(plan == null || l <= plan.afterBlock() ? all : plan.tokensAfter(c.tower().patches()));
        }
        return a;
    }

    /** The encoder's shape before and after structured pruning. */
    private static JsonObject encoder(VitConfig before, VitConfig after) {
        JsonObject o = new JsonObject();
        o.addProperty("blocks_before", before.tower().encoder().layers());
        o.addProperty("blocks_after", after.tower().encoder().layers());
        o.addProperty("mlp_hidden_before", before.tower().encoder().intermediate());
        o.addProperty("mlp_hidden_after", after.tower().encoder().intermediate());
        o.addProperty("heads_before", before.tower().encoder().heads());
        o.addProperty("heads_after", after.tower().encoder().heads());
        return o;
    }

    private static JsonObject tokens(VitConfig c, TokenPlan plan) {
        JsonObject o = new JsonObject();
        int patches = c.tower().patches();
        o.addProperty("after_block", plan.afterBlock());
        o.addProperty("patches", patches);
        o.addProperty("kept_patches", plan.kept(patches));
        o.addProperty("tokens_after", plan.tokensAfter(patches));
        o.addProperty("method", plan.getClass().getSimpleName().equals("TokenKeep") ? "keep" : "merge");
        return o;
    }

    private double accuracy(VitModel model, TokenPlan plan) {
        int batch = run.dataset().batch();
        int right = 0;
        for (int from = 0; from < test.size(); from += batch) {
            int to = Math.min(test.size(), from + batch);
            float[] pixels = test.batchPixels(from, to);
            int n = to - from;
            int[] best = Inference.call(() -> {
                try (NDManager s = Devices.manager()) {
                    NDArray x = Owned.floats(s, pixels, new Shape(n, test.channels(), test.height(), test.width()));
                    NDArray logits = plan == null ? model.logits(s, x) : model.logits(s, x, plan);
                    long[] arg = logits.argMax(1).toLongArray();
                    int[] out = new int[arg.length];
                    for (int i = 0; i < arg.length; i++) {
                        out[i] = (int) arg[i];
                    }
                    return out;
                }
            });
            for (int i = 0; i < n; i++) {
                right += best[i] == test.labels()[from + i] ? 1 : 0;
            }
            ctx.progress().update("evaluate", to, test.size(), null);
        }
        return (double) right / test.size();
    }

    /** Dense and pruned passes interleaved by the latency harness, on one input; each pass in a manager of its own. */
    private LatencyReport time(VitModel dense, VitModel model, TokenPlan plan) {
        var l = run.latency();
        if ("onnxruntime".equals(l.runtime())) {
            throw new JobFailure("latency runtime onnxruntime covers the CNN zoo; remove it to time " + run.model().name()
                    + " in the engine", l.range());
        }
        var t = model.config().tower();
        long[] shape = {l.batch(), t.channels(), t.imageSize(), t.imageSize()};
        ctx.phase("latency", "timing dense and pruned interleaved: batch " + l.batch() + ", " + l.runs() + " runs after " + l.warmup() + " warm-up");
        Map<String, LatencyHarness.Timed> models = new LinkedHashMap<>();
        models.put("dense", (input, sh) -> timeOnce(dense, null, input, sh));
        models.put("pruned", (input, sh) -> timeOnce(model, plan, input, sh));
        int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        boolean resize = l.threads() > 0 && l.threads() != before;
        if (resize) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(l.threads());
        }
        try {
            return LatencyHarness.run(models, LatencyHarness.ENGINE, new LatencyConfig(shape, l.warmup(), l.runs(), run.seed()), ctx.progress());
        } finally {
            if (resize) {
                ai.djl.pytorch.jni.JniUtils.setNumThreads(before);
            }
        }
    }

    private static double timeOnce(VitModel model, TokenPlan plan, float[] input, long[] shape) {
        try (NDManager s = Devices.manager()) {
            NDArray x = Owned.floats(s, input, new Shape(shape));
            long start = System.nanoTime();
            NDArray logits = plan == null ? model.logits(s, x) : model.logits(s, x, plan);
            logits.toFloatArray(); // the pass is done when its result is read
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private void put(Measured m, LatencyStats s) {
        m.put("latency", s.p50() / 1000);
        m.put("throughput", s.throughput());
        JsonObject l = new JsonObject();
        l.addProperty("p50", s.p50());
        l.addProperty("p90", s.p90());
        l.addProperty("min", s.min());
        l.addProperty("mean", s.mean());
        l.addProperty("batch", s.batch());
        l.addProperty("runs", s.runs());
        l.addProperty("runtime", LatencyHarness.ENGINE);
        l.addProperty("threads", ai.djl.pytorch.jni.JniUtils.getNumThreads());
        m.json.add("latency_ms", l);
        m.json.addProperty("throughput", s.throughput());
        emit(m.which, "latency", s.p50(), "ms");
    }

    private void emit(String which, String name, double value, String unit) {
        ctx.events().event("metric").with("experiment", run.id()).with("which", which).with("name", name)
                .with("value", value).with("unit", unit).with("line", null).emit();
    }
}
