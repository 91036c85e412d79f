package org.tinytitans.engine.job;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tinytitans.engine.files.AtomicFiles;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.prune.LmPruning;
import org.tinytitans.engine.methods.LanguagePruning;
import org.tinytitans.engine.methods.Methods;
import org.tinytitans.engine.methods.PruningMethod;
import org.tinytitans.engine.methods.VisualTokens;
import org.tinytitans.engine.latency.LoadAverage;
import org.tinytitans.engine.vit.LlavaCheckpoint;
import org.tinytitans.engine.vit.LlavaModel;
import org.tinytitans.engine.vit.MultimodalModel;
import org.tinytitans.engine.vit.VisionCheckpoints;
import org.tinytitans.engine.vlm.TokenDrop;
import org.tinytitans.engine.vlm.VlmGeneration;
import org.tinytitans.engine.vlm.VqaEvaluation;
import org.tinytitans.language.catalog.ModelFamily;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * One vision-language experiment: load a LLaVA-style Hugging Face folder, prune its decoder (layers, neurons,
 * heads, weights, with the language model's pruners) and/or drop visual tokens after decoder layer K, then ask the
 * dataset's multiple-choice questions of the dense and the pruned model, interleaved question by question:
 * accuracy, image tokens kept, MACs and wall time per question, generation tokens/s, energy and carbon.
 */
final class VlmExperiment {
    static final int GENERATED_TOKENS = 16;

    private final JobContext ctx;
    private final ExperimentRun run;
    private final List<String> notes = new ArrayList<>();

    VlmExperiment(JobContext ctx) {
        this.ctx = ctx;
        this.run = ctx.run();
    }

    ExperimentOutcome execute() throws IOException {
        Set<String> wanted = Wanted.metrics(run);
        if (run.finetune() != null) {
            throw new JobFailure("fine-tuning a vision-language model is not supported; remove the finetune block", run.finetune().range());
        }
        Measured baseline = new Measured("baseline");
        Measured pruned = new Measured("pruned");
        JsonObject result = new JsonObject();
        LlavaModel dense;
        VqaEvaluation.Items items;
        try (var p = ctx.green().meter().phase("load")) {
            ctx.phase("load", "loading " + run.model().name() + " from " + run.model().weights());
            dense = load();
            items = questions(dense);
        }
        LlavaModel current = dense;
        TokenDrop drop = null;
        try {
            try (var p = ctx.green().meter().phase("pruning")) {
                for (PruneSpec prune : run.prunes()) {
                    PruningMethod method;
                    try {
                        method = Methods.require(prune.granularity().keyword(), ModelFamily.VLM, prune.criterion(), run.model().name());
                    } catch (IllegalArgumentException e) {
                        throw new JobFailure(e.getMessage(), prune.criterionRange() != null ? prune.criterionRange() : prune.range(), e);
                    }
                    if (method instanceof VisualTokens) {
                        drop = tokens(prune, drop, current);
                    } else {
                        LlavaModel next = decoder(current, prune, (LanguagePruning) method);
                        if (current != dense) {
                            current.decoder().close();
                        }
                        current = next;
                    }
                }
            }
            List<VqaEvaluation.Result> r;
            int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
            int threads = threads(before);
            if (threads != before) {
                ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
            }
            try {
                try (var p = ctx.green().meter().phase("evaluate")) {
                    ctx.phase("evaluate", "asking " + items.questions().size() + " questions of the dense and the pruned model, interleaved");
                    r = VqaEvaluation.run(List.of(new VqaEvaluation.Setup(dense, null), new VqaEvaluation.Setup(current, drop)), items,
                            ctx.progress());
                } catch (IllegalArgumentException e) {
                    throw new JobFailure(e.getMessage(), run.range(), e);
                }
                measure(dense, r.get(0), baseline, wanted);
                measure(current, r.get(1), pruned, wanted);
                if (Wanted.timing(wanted)) {
                    try (var p = ctx.green().meter().phase("latency")) {
                        generation(dense, current, items, baseline, pruned);
                    }
                }
            } finally {
                if (threads != before) {
                    ai.djl.pytorch.jni.JniUtils.setNumThreads(before);
                }
            }
            baseline.json.addProperty("threads", threads);
            pruned.json.addProperty("threads", threads);
            Path modelDir = ctx.experimentDir().resolve("model");
            LlavaCheckpoint.save(current, ctx.experimentDir().resolve(".model.tmp"), "F32");
            deleteTree(modelDir);
            AtomicFiles.moveOver(ctx.experimentDir().resolve(".model.tmp"), modelDir);
            if (drop != null) {
                JsonObject t = new JsonObject();
                t.addProperty("criterion", "attention-received");
                t.addProperty("after_layer", drop.afterLayer());
                t.addProperty("ratio", drop.ratio());
                t.addProperty("image_tokens", r.get(1).imageTokens());
                t.addProperty("kept", r.get(1).keptTokens());
                result.add("tokens", t);
                notes.add("visual tokens are dropped while answering, so the saved model is the decoder-pruned one; apply `after "
                        + drop.afterLayer() + "` and ratio " + pct(drop.ratio()) + " when running it");
            }
            Energy.account(ctx, baseline, pruned, null, null, result, notes);
            result.addProperty("model_file", ctx.experimentDir().getFileName() + "/model");
            result.add("process", MeasuredMemory.json(ctx.green().memory().read()));
            return ExperimentOutcome.of(run, baseline, pruned, result, notes, ctx.events());
        } finally {
            if (current != dense) {
                current.decoder().close();
            }
            dense.close();
        }
    }

    /**
     * PyTorch intra-op threads for the questions: `latency { threads N }`, else one when the machine is busy (load
     * average at least the CPU count): these small matrices leave a second thread waiting on a descheduled one.
     */
    private int threads(int current) {
        int asked = run.latency().threads();
        if (asked > 0) {
            return asked;
        }
        double load = LoadAverage.now();
        int cpus = Runtime.getRuntime().availableProcessors();
        if (load >= cpus && current != 1) {
            notes.add(String.format(Locale.ROOT, "questions asked with 1 intra-op thread instead of %d: the machine was busy (load average "
                    + "%.1f on %d CPUs); set `latency { threads N }` to fix the count", current, load, cpus));
            return 1;
        }
        return current;
    }

    private LlavaModel load() {
        var m = run.model();
        if (m.weights() == null) {
            throw new JobFailure("model " + m.name() + " needs `weights \"FOLDER\"`: a Hugging Face LLaVA folder with config.json and "
                    + "model.safetensors (samples/models/tiny-vlm is one)", m.range());
        }
        Path dir = ctx.resolve(m.weights());
        MultimodalModel loaded;
        try {
            loaded = VisionCheckpoints.load(dir);
        } catch (IOException | RuntimeException e) {
            throw new JobFailure("cannot load " + m.weights() + ": " + e.getMessage(), m.range(), e);
        }
        if (loaded instanceof LlavaModel l) {
            return l;
        }
        loaded.close();
        throw new JobFailure(m.weights() + " holds a " + loaded.config().modelType() + " model, not a LLaVA-style one", m.range());
    }

    private VqaEvaluation.Items questions(LlavaModel model) {
        var d = run.dataset();
        if (d == null || d.path() == null) {
            throw new JobFailure("a vision-language model is measured on questions: add `dataset visual-qa { path \"FILE.jsonl\" }`", run.range());
        }
        var tower = model.config().vision();
        try {
            return VqaEvaluation.Items.read(ctx.resolve(d.path()), d.samples() == null ? 0 : d.samples(), tower.channels(), tower.imageSize());
        } catch (IOException | RuntimeException e) {
            throw new JobFailure(e.getMessage(), d.range(), e);
        }
    }

    private TokenDrop tokens(PruneSpec p, TokenDrop before, LlavaModel model) {
        if (before != null) {
            throw new JobFailure("visual tokens are dropped once per experiment; merge the prune tokens blocks", p.range());
        }
        int layers = model.decoder().config().layers();
        if (p.after() >= layers) {
            throw new JobFailure("after " + p.after() + ": the decoder of " + run.model().name() + " has " + layers
                    + " layers, so tokens can be dropped after layer 1 to " + (layers - 1), p.range());
        }
        ctx.phase("pruning", "dropping " + pct(p.ratio()) + " of the visual tokens after decoder layer " + p.after() + " (attention received)");
        return new TokenDrop(p.after(), p.ratio());
    }

    private LlavaModel decoder(LlavaModel model, PruneSpec p, LanguagePruning method) {
        ctx.phase("pruning", Amount.label(p) + " of the decoder");
        LanguageModel next;
        try {
            next = LmPruning.apply(model.decoder(), p.granularity(), method.criterion(), p.ratio() == null ? 0 : p.ratio(),
                    p.count() == null ? 0 : p.count(), p.pattern(), null, p.seed());
        } catch (IllegalArgumentException e) {
            throw new JobFailure(e.getMessage(), p.range(), e);
        }
        return new LlavaModel(model.config().withText(next.config()), model.visionWeights(), next);
    }

    private void measure(LlavaModel model, VqaEvaluation.Result r, Measured m, Set<String> wanted) {
        m.put("params", model.paramCount());
        m.put("flops", r.macs());
        m.put("memory", model.paramCount() * 4.0);
        m.put("sparsity", 1.0 - (double) model.decoder().nonZeroParams() / model.decoder().paramCount());
        m.json.addProperty("params", model.paramCount());
        m.json.addProperty("nonzero_params", model.paramCount() - model.decoder().paramCount() + model.decoder().nonZeroParams());
        m.json.addProperty("flops", r.macs());
        m.json.addProperty("flops_unit", "MACs per question (vision tower, projector, decoder over every option)");
        m.json.addProperty("memory_mb", model.paramCount() * 4.0 / 1024 / 1024);
        m.json.addProperty("decoder_layers", model.decoder().config().layers());
        m.json.addProperty("image_tokens", r.imageTokens());
        m.json.addProperty("visual_tokens_kept", r.keptTokens());
        m.json.addProperty("questions", r.questions());
        m.put("accuracy", r.accuracy());
        m.json.addProperty("accuracy", r.accuracy());
        emit(m.which, "accuracy", r.accuracy(), "fraction");
        if (Wanted.timing(wanted)) {
            m.put("latency", r.secondsMedian());
            JsonObject l = new JsonObject();
            l.addProperty("p50", r.secondsMedian() * 1000);
            l.addProperty("min", r.secondsMin() * 1000);
            l.addProperty("unit", "ms per question");
            l.addProperty("runtime", "engine");
            m.json.add("latency_ms", l);
            emit(m.which, "latency", r.secondsMedian() * 1000, "ms");
        }
        emit(m.which, "params", model.paramCount(), "");
    }

    /** Greedy generation after the first question's image and prompt, alternating the two models. */
    private void generation(LlavaModel dense, LlavaModel pruned, VqaEvaluation.Items items, Measured b, Measured p) {
        int runs = Math.max(1, Math.min(run.latency().runs(), 5));
        String prompt = items.questions().get(0).prompt();
        float[] image = items.images().get(0);
        ctx.phase("latency", "generating " + GENERATED_TOKENS + " tokens " + runs + " times with each model, interleaved");
        VlmGeneration.greedy(dense, prompt, image, 2);
        VlmGeneration.greedy(pruned, prompt, image, 2);
        double[] d = new double[runs];
        double[] q = new double[runs];
        for (int i = 0; i < runs; i++) {
            d[i] = VlmGeneration.greedy(dense, prompt, image, GENERATED_TOKENS).tokensPerSecond();
            q[i] = VlmGeneration.greedy(pruned, prompt, image, GENERATED_TOKENS).tokensPerSecond();
        }
        notes.add("latency is the median wall time per question, every option scored, dense and pruned interleaved; throughput is "
                + "greedy generation with the KV cache after the first question's image and prompt (tokens are not dropped while generating)");
        for (Object[] side : new Object[][] {{b, d}, {p, q}}) {
            Measured m = (Measured) side[0];
            double[] v = ((double[]) side[1]).clone();
            java.util.Arrays.sort(v);
            double tps = v[v.length / 2];
            m.put("throughput", tps);
            m.json.addProperty("throughput", tps);
            m.json.addProperty("throughput_unit", "tokens/s");
        }
    }

    private void emit(String which, String name, double value, String unit) {
        ctx.events().event("metric").with("experiment", run.id()).with("which", which).with("name", name)
                .with("value", value).with("unit", unit).with("line", null).emit();
    }

    private static String pct(double r) {
        return String.format(Locale.ROOT, "%.0f%%", r * 100);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
