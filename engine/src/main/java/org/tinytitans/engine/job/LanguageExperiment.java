package org.tinytitans.engine.job;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tinytitans.engine.files.AtomicFiles;
import org.tinytitans.engine.lm.prune.Calibration;
import org.tinytitans.engine.lm.model.Generation;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.LanguageModels;
import org.tinytitans.engine.lm.prune.LmChange;
import org.tinytitans.engine.lm.prune.LmPruning;
import org.tinytitans.engine.lm.eval.Perplexity;
import org.tinytitans.engine.lm.eval.Accuracy;
import org.tinytitans.engine.lm.eval.ZeroShot;
import org.tinytitans.engine.lm.lora.Lora;
import org.tinytitans.engine.lm.lora.LoraConfig;
import org.tinytitans.engine.methods.LanguagePruning;
import org.tinytitans.engine.methods.Methods;
import org.tinytitans.engine.metrics.PhaseEnergy;
import org.tinytitans.language.catalog.ModelFamily;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.FinetuneSpec;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * One language-model experiment, the tutorial's part 3: load a Hugging Face folder, measure perplexity and
 * generation speed, prune layers, neurons, heads or weights, optionally recover with LoRA, measure again, and
 * judge the expectations. Data-driven criteria calibrate on the experiment's text dataset.
 */
final class LanguageExperiment {

    static final int GENERATED_TOKENS = 32;

    private final JobContext ctx;
    private final ExperimentRun run;
    private final List<String> notes = new ArrayList<>();
    private String text;

    LanguageExperiment(JobContext ctx) {
        this.ctx = ctx;
        this.run = ctx.run();
    }

    ExperimentOutcome execute() throws IOException {
        Set<String> wanted = Wanted.metrics(run);
        Measured baseline = new Measured("baseline");
        Measured pruned = new Measured("pruned");
        JsonObject result = new JsonObject();
        LanguageModel dense;
        try (var p = ctx.green().meter().phase("load")) {
            ctx.phase("load", "loading " + run.model().name() + " from " + run.model().weights());
            dense = load();
            text = readText();
        }
        LanguageModel current = dense;
        try {
            try (var p = ctx.green().meter().phase("baseline")) {
                ctx.phase("baseline", "measuring the unpruned model");
                measure(dense, baseline, wanted);
            }
            LanguageSearch search = VisionSearch.wanted(run, wanted) ? new LanguageSearch(ctx, this, dense, text, notes) : null;
            List<PruneSpec> prunes = search == null ? run.prunes() : search.plan();
            for (PruneSpec prune : prunes) {
                LanguageModel next;
                try (var p = ctx.green().meter().phase("pruning")) {
                    next = prune(current, prune);
                }
                if (current != dense) {
                    current.close();
                }
                current = next;
            }
            if (run.finetune() != null) {
                try (var p = ctx.green().meter().phase("finetune")) {
                    LanguageModel tuned = lora(current, run.finetune());
                    if (current != dense) {
                        current.close();
                    }
                    current = tuned;
                }
            }
            try (var p = ctx.green().meter().phase("evaluate")) {
                ctx.phase("evaluate", "measuring the pruned model");
                measure(current, pruned, wanted);
            }
            PhaseEnergy latencyEnergy = null;
            if (Wanted.timing(wanted)) {
                var p = ctx.green().meter().phase("latency");
                time(dense, current, baseline, pruned);
                latencyEnergy = p.stop();
            }
            Path modelDir = ctx.experimentDir().resolve("model");
            Path tmp = ctx.experimentDir().resolve(".model.tmp");
            deleteTree(tmp);
            current.save(tmp);
            deleteTree(modelDir);
            AtomicFiles.moveOver(tmp, modelDir);

            JsonArray layers = new JsonArray();
            for (LmChange c : LmChange.between(dense.config(), current.config())) {
                JsonObject o = new JsonObject();
                o.addProperty("name", c.name());
                o.addProperty("kind", c.kind());
                o.addProperty("before", c.before());
                o.addProperty("after", c.after());
                layers.add(o);
            }
            if (search != null) {
                search.finish(current, pruned, result);
            }
            Energy.account(ctx, baseline, pruned, null, latencyEnergy, result, notes);
            result.add("layers", layers);
            result.addProperty("model_file", ctx.experimentDir().getFileName() + "/model");
            result.add("process", MeasuredMemory.json(ctx.green().memory().read()));
            return ExperimentOutcome.of(run, baseline, pruned, result, notes, ctx.events());
        } finally {
            if (current != dense) {
                current.close();
            }
            dense.close();
        }
    }

    private LanguageModel load() {
        var m = run.model();
        if (m.weights() == null) {
            throw new JobFailure("model " + m.name() + " needs `weights \"FOLDER\"`: a Hugging Face folder with config.json "
                    + "and model.safetensors (samples/models/tiny-lm is one)", m.range());
        }
        Path dir = ctx.resolve(m.weights());
        try {
            return LanguageModels.load(dir);
        } catch (IOException | RuntimeException e) {
            throw new JobFailure("cannot load " + m.weights() + ": " + e.getMessage(), m.range(), e);
        }
    }

    private String readText() {
        var d = run.dataset();
        if (d == null || d.path() == null) {
            return null;
        }
        Path file = ctx.resolve(d.path());
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JobFailure("cannot read the text dataset " + d.path() + " (" + file + "): " + e.getMessage(), d.range(), e);
        }
    }

    /** Asked only once a text was read, so there is a dataset: its resolved seq-len. */
    int seqLen() {
        return run.dataset().seqLen();
    }

    /** Perplexity reads the dataset's `samples` windows (resolved: the catalog's default for text), or all of it. */
    private int evalTokens() {
        Integer samples = run.dataset().samples();
        return samples == null ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, (long) samples * seqLen());
    }

    private void measure(LanguageModel model, Measured m, Set<String> wanted) {
        m.put("params", model.paramCount());
        m.put("flops", model.flopsPerToken());
        m.put("sparsity", model.sparsity());
        m.put("memory", model.paramCount() * 4.0);
        m.json.addProperty("params", model.paramCount());
        m.json.addProperty("nonzero_params", model.nonZeroParams());
        m.json.addProperty("flops", model.flopsPerToken());
        m.json.addProperty("flops_unit", "MACs per token");
        m.json.addProperty("memory_mb", model.paramCount() * 4.0 / 1024 / 1024);
        m.json.addProperty("sparsity", model.sparsity());
        m.json.addProperty("layers", model.config().layers());
        if (wanted.contains("perplexity")) {
            if (text == null) {
                notes.add("no text dataset: perplexity is not measured");
            } else {
                double ppl = Perplexity.of(model, text, seqLen(), evalTokens());
                m.put("perplexity", ppl);
                m.json.addProperty("perplexity", ppl);
                emit(m.which, "perplexity", ppl, "");
            }
        }
        if (wanted.contains("accuracy")) {
            zeroShot(model, m);
        }
        emit(m.which, "params", model.paramCount(), "");
    }

    private void zeroShot(LanguageModel model, Measured m) {
        List<String> tasks = run.dataset() == null ? List.of() : run.dataset().tasks();
        if (tasks.isEmpty()) {
            notes.add("accuracy of a language model is zero-shot multiple choice: list task files in the dataset's `tasks`");
            return;
        }
        JsonObject per = new JsonObject();
        double sum = 0;
        for (String t : tasks) {
            Path file = ctx.resolve(t);
            Accuracy a;
            try {
                a = ZeroShot.evaluate(model, file, null, 0, ctx.progress());
            } catch (IOException | RuntimeException e) {
                throw new JobFailure("zero-shot task " + t + ": " + e.getMessage(), run.dataset().range(), e);
            }
            JsonObject o = new JsonObject();
            o.addProperty("task", a.task());
            o.addProperty("acc", a.acc());
            o.addProperty("acc_norm", a.accNorm());
            o.addProperty("n", a.n());
            per.add(t, o);
            sum += a.acc();
        }
        double mean = sum / tasks.size();
        m.put("accuracy", mean);
        m.json.addProperty("accuracy", mean);
        m.json.add("zero_shot", per);
        emit(m.which, "accuracy", mean, "fraction");
    }

    LanguageModel prune(LanguageModel model, PruneSpec p) {
        LanguagePruning method;
        try {
            method = (LanguagePruning) Methods.require(p.granularity().keyword(), ModelFamily.LANGUAGE, p.criterion(), run.model().name());
        } catch (IllegalArgumentException e) {
            throw new JobFailure(e.getMessage(), p.criterionRange() != null ? p.criterionRange() : p.range(), e);
        }
        Calibration calibration = null;
        if (method.needsData()) {
            if (text == null) {
                throw new JobFailure("criterion " + p.criterion() + " needs calibration text: add `dataset text { path \"...\" }`", p.criterionRange());
            }
            calibration = Calibration.fromText(model.tokenizer(), text, seqLen(), p.samples());
        }
        int steps = p.steps();
        LanguageModel current = model;
        for (int k = 1; k <= steps; k++) {
            double ratio = p.ratio() == null ? 0 : VisionExperiment.stepRatio(p.ratio(), k, steps);
            int count = p.count() == null ? 0 : VisionExperiment.share(p.count(), k, steps);
            ctx.phase("pruning", Amount.label(p) + (steps > 1 ? " (step " + k + "/" + steps + ")" : ""));
            LanguageModel next;
            try {
                next = LmPruning.apply(current, p.granularity(), method.criterion(), ratio, count, p.pattern(), calibration, p.seed());
            } catch (IllegalArgumentException e) {
                throw new JobFailure(e.getMessage(), p.range(), e);
            }
            if (current != model) {
                current.close();
            }
            current = next;
            if (steps > 1 && k < steps && run.finetune() != null) {
                LanguageModel tuned = lora(current, run.finetune());
                current.close();
                current = tuned;
            }
        }
        if (p.granularity() == Granularity.WEIGHTS) {
            notes.add(String.format(Locale.ROOT, "unstructured pruning left %.1f%% of the weights zero; dense kernels run no faster for it",
                    current.sparsity() * 100));
        }
        return current;
    }

    LanguageModel lora(LanguageModel model, FinetuneSpec f) {
        if (text == null) {
            throw new JobFailure("fine-tuning a language model needs a text dataset", f.range());
        }
        int steps = Math.max(1, f.epochs() * f.maxSteps());
        ctx.phase("finetune", "LoRA rank " + f.loraRank() + " for " + steps + " steps");
        LoraConfig config = new LoraConfig(f.loraRank(), f.loraAlpha(), f.loraTargets(), steps, f.lr(), seqLen(), run.seed());
        try {
            return Lora.finetune(model, text, config, ctx.progress());
        } catch (IllegalArgumentException e) {
            throw new JobFailure(e.getMessage(), f.range(), e);
        }
    }

    /** Generation speed of both models, alternating so a noisy machine slows both alike. */
    private void time(LanguageModel dense, LanguageModel pruned, Measured b, Measured p) {
        var l = run.latency();
        if ("onnxruntime".equals(l.runtime())) {
            throw new JobFailure("latency runtime onnxruntime applies to vision models (ONNX export covers the vision zoo); "
                    + "remove it to time " + run.model().name() + " in the engine", l.range());
        }
        int runs = Math.min(l.runs(), 20); // generating is slow: at most 20 timed runs
        String prompt = text == null ? "In the beginning" : text.substring(0, Math.min(64, text.length()));
        ctx.phase("latency", "generating " + GENERATED_TOKENS + " tokens " + runs + " times with each model, interleaved");
        double[][] dense1 = new double[2][runs];
        double[][] pruned1 = new double[2][runs];
        Generation.greedy(dense, prompt, 4);
        Generation.greedy(pruned, prompt, 4);
        for (int i = 0; i < runs; i++) {
            record(Generation.greedy(dense, prompt, GENERATED_TOKENS), dense1, i);
            record(Generation.greedy(pruned, prompt, GENERATED_TOKENS), pruned1, i);
            ctx.progress().update("latency", i + 1, runs, null);
        }
        put(b, median(dense1[0]), median(dense1[1]));
        put(p, median(pruned1[0]), median(pruned1[1]));
    }

    /** Generation speed with the KV cache, and prefill speed: the prompt's tokens over the first pass's time. */
    private static void record(Generation.Result r, double[][] into, int i) {
        into[0][i] = r.tokensPerSecond();
        int promptTokens = r.tokens().length - r.newTokens();
        into[1][i] = r.prefillSeconds() > 0 ? promptTokens / r.prefillSeconds() : Double.NaN;
    }

    private void put(Measured m, double tokensPerSecond, double prefillTokensPerSecond) {
        if (Double.isFinite(prefillTokensPerSecond)) {
            m.json.addProperty("prefill_tokens_per_s", prefillTokensPerSecond);
        }
        double msPerToken = 1000 / tokensPerSecond;
        m.put("latency", msPerToken / 1000);
        m.put("throughput", tokensPerSecond);
        JsonObject l = new JsonObject();
        l.addProperty("p50", msPerToken);
        l.addProperty("unit", "ms per generated token (KV cache, greedy)");
        l.addProperty("runtime", "engine");
        m.json.add("latency_ms", l);
        m.json.addProperty("throughput", tokensPerSecond);
        m.json.addProperty("throughput_unit", "tokens/s");
        emit(m.which, "latency", msPerToken, "ms");
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private void emit(String which, String name, double value, String unit) {
        ctx.events().event("metric").with("experiment", run.id()).with("which", which).with("name", name)
                .with("value", value).with("unit", unit).with("line", null).emit();
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
