package org.tinytitans.engine.job;

import ai.djl.nn.Block;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tinytitans.engine.criteria.Criterion;
import org.tinytitans.engine.data.DataException;
import org.tinytitans.engine.data.ClassIndex;
import org.tinytitans.engine.data.Datasets;
import org.tinytitans.engine.data.ImageFolders;
import org.tinytitans.engine.data.ImageRecipe;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.Split;
import org.tinytitans.engine.data.Subsample;
import org.tinytitans.engine.files.AtomicFiles;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.graph.Layer;
import org.tinytitans.engine.latency.LatencyConfig;
import org.tinytitans.engine.latency.LatencyHarness;
import org.tinytitans.engine.latency.LatencyReport;
import org.tinytitans.engine.latency.LatencyStats;
import org.tinytitans.engine.latency.LoadAverage;
import org.tinytitans.engine.latency.Roofline;
import org.tinytitans.engine.methods.Families;
import org.tinytitans.engine.methods.Methods;
import org.tinytitans.engine.methods.PruningMethod;
import org.tinytitans.engine.methods.VisionScoring;
import org.tinytitans.engine.methods.VisionWeights;
import org.tinytitans.engine.metrics.PhaseEnergy;
import org.tinytitans.engine.model.Models;
import org.tinytitans.engine.model.InferenceForm;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.onnx.OnnxExport;
import org.tinytitans.engine.onnx.OnnxRuntimeModel;
import org.tinytitans.engine.prune.FilterPruning;
import org.tinytitans.engine.prune.LayerPruning;
import org.tinytitans.engine.prune.WeightPruning;
import org.tinytitans.engine.train.Distillation;
import org.tinytitans.engine.train.EpochStats;
import org.tinytitans.engine.train.Evaluation;
import org.tinytitans.engine.train.Evaluator;
import org.tinytitans.engine.train.FineTuner;
import org.tinytitans.engine.train.TrainConfig;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.language.resolve.DatasetSpec;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.FinetuneSpec;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * One vision experiment, the tutorial's workflow end to end: load, measure the baseline, prune (Algorithm 1:
 * {@code steps} iterations with fine-tuning between them), fine-tune, measure again, time both models
 * interleaved, and account the energy of every phase.
 */
final class VisionExperiment {

    private final JobContext ctx;
    private final ExperimentRun run;
    private final List<String> notes = new ArrayList<>();
    private ImageSet train;
    private ImageSet test;
    /** Why latency was timed with other threads than the process's, when the load made us choose. */
    private String threadsNote;
    private org.tinytitans.language.catalog.ModelFamily family;

    VisionExperiment(JobContext ctx) {
        this.ctx = ctx;
        this.run = ctx.run();
    }

    ExperimentOutcome execute() throws IOException {
        Measured baseline = new Measured("baseline");
        Measured pruned = new Measured("pruned");
        JsonObject result = new JsonObject();
        Set<String> wanted = Wanted.metrics(run);

        Network dense;
        try (var p = ctx.green().meter().phase("load")) {
            ctx.phase("load", "loading " + run.model().name() + (run.model().weights() == null ? " (random init)" : " from " + run.model().weights()));
            dense = loadModel();
            family = Families.of(run.model().name(), dense.graph());
            loadData(wanted, dense.graph());
        }
        Network current = dense;
        try {
            try (var p = ctx.green().meter().phase("baseline")) {
                ctx.phase("baseline", "measuring the unpruned model");
                measureStatic(dense, baseline, wanted);
                if (test != null && wanted.contains("accuracy")) {
                    evaluate(dense, baseline, "baseline");
                }
            }
            JsonArray layers = new JsonArray();
            VisionSearch search = VisionSearch.wanted(run, wanted) ? new VisionSearch(ctx, this, dense, notes) : null;
            List<PruneSpec> prunes = search == null ? run.prunes() : search.plan();
            for (PruneSpec prune : prunes) {
                current = prune(current, dense, prune);
            }
            describeWidths(dense, current, layers);
            if (run.finetune() != null) {
                try (var p = ctx.green().meter().phase("finetune")) {
                    finetune(current, dense, run.finetune(), run.finetune().epochs());
                }
            }
            try (var p = ctx.green().meter().phase("evaluate")) {
                ctx.phase("evaluate", "measuring the pruned model");
                measureStatic(current, pruned, wanted);
                if (test != null && wanted.contains("accuracy")) {
                    evaluate(current, pruned, "pruned");
                }
            }
            LatencyReport latency = null;
            PhaseEnergy latencyEnergy = null;
            if (Wanted.timing(wanted)) {
                var p = ctx.green().meter().phase("latency");
                latency = time(dense, current);
                latencyEnergy = p.stop();
                double roofline = Roofline.gmacs(Roofline.RESULT_SIZE, 8);
                put(baseline, latency.of("dense"), latency, dense.graph().counts().macs(), roofline);
                put(pruned, latency.of("pruned"), latency, current.graph().counts().macs(), roofline);
            }
            Path modelFile = ctx.experimentDir().resolve("model.tt");
            Files.createDirectories(ctx.experimentDir());
            Path tmp = ctx.experimentDir().resolve(".model.tt.tmp");
            current.save(tmp);
            AtomicFiles.moveOver(tmp, modelFile);
            if (run.exports().contains("onnx")) {
                ctx.phase("export", "writing model.onnx");
                OnnxExport.write(current, ctx.experimentDir().resolve("model.onnx"));
                result.addProperty("onnx_file", ctx.experimentDir().getFileName() + "/model.onnx");
            }

            if (search != null) {
                search.finish(current, pruned, result);
            }
            Energy.account(ctx, baseline, pruned, latency, latencyEnergy, result, notes);
            result.add("process", MeasuredMemory.json(ctx.green().memory().read()));
            result.add("layers", layers);
            result.addProperty("model_file", ctx.experimentDir().getFileName() + "/model.tt");
            return ExperimentOutcome.of(run, baseline, pruned, result, notes, ctx.events());
        } finally {
            if (current != dense) {
                current.close();
            }
            dense.close();
        }
    }

    private Network loadModel() throws IOException {
        var m = run.model();
        if (!Zoo.has(m.name()) && m.weights() == null) {
            throw new JobFailure("model '" + m.name() + "' is not a vision model of the zoo (" + String.join(", ", Zoo.names()) + ")", m.range());
        }
        Path weights = m.weights() == null ? null : ctx.resolve(m.weights());
        if (weights != null && !Files.exists(weights)) {
            throw new JobFailure("weights file " + m.weights() + " not found (looked at " + weights + ")", m.range());
        }
        if (weights == null) {
            notes.add("no weights given: the model is randomly initialised, so accuracy means nothing");
        }
        int classes = m.classes() != null ? m.classes() : 0; // resolved: the spec's, else the zoo entry's; 0 = the weights'

        try {
            return Models.load(Zoo.has(m.name()) ? m.name() : null, weights, classes, run.seed());
        } catch (IOException | RuntimeException e) {
            // A damaged file's own error ("Unexpected end of ZLIB input stream") does not say which file it was.
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            boolean named = weights == null || why.contains(weights.getFileName().toString());
            throw new JobFailure(named ? why : "cannot load weights " + m.weights() + ": " + why, m.range(), e);
        }
    }

    private void loadData(Set<String> wanted, org.tinytitans.engine.graph.Graph model) {
        DatasetSpec d = run.dataset();
        if (d == null) {
            if (wanted.contains("accuracy")) {
                notes.add("no dataset: accuracy is not measured");
            }
            return;
        }
        if (d.name().equals("synthetic")) {
            notes.add("synthetic data: accuracy is not measured (it would mean nothing)");
            return;
        }
        String kind = d.name().equals("imagenet") ? "folders" : d.name();
        Path path = ctx.resolve(d.path());
        try {
            ImageFolders.Options folders = kind.equals("folders") ? folderOptions(d, model) : ImageFolders.Options.DEFAULT;
            test = Datasets.open(kind, path, Split.TEST, 0, folders);
            if (kind.equals("folders")) {
                classesAgree(d, model, path, folders.classFile(), Split.TEST);
            }
            if (needsTrain()) {
                train = Datasets.open(kind, path, Split.TRAIN, 0, folders);
            }
        } catch (DataException e) {
            throw new JobFailure(e.getMessage(), d.range(), e);
        }
    }

    private ImageFolders.Options folderOptions(DatasetSpec d, org.tinytitans.engine.graph.Graph model) {
        Path classFile = d.classList() == null ? null : ctx.resolve(d.classList());
        if (classFile != null && !Files.isRegularFile(classFile)) {
            throw new JobFailure("class list " + d.classList() + " not found (looked at " + classFile + ")", d.range());
        }
        if (model.height() != model.width()) {
            throw new JobFailure("image folders feed square inputs; model " + model.name() + " takes "
                    + model.height() + "x" + model.width(), d.range());
        }
        return new ImageFolders.Options(ImageRecipe.of(d.preprocess()), model.height(), classFile);
    }

    /** Says, in the run's notes and log, when the folders' classes and the model's outputs disagree. */
    private void classesAgree(DatasetSpec d, org.tinytitans.engine.graph.Graph model, Path path, Path classFile, Split split) {
        List<String> folders = ImageFolders.classFolders(path, split);
        ClassIndex index = ClassIndex.of(folders, classFile);
        String why = index.checkAgainst(model.classes(), d.classes(), folders.size());
        ctx.log("info", "class labels: " + folders.size() + " folder(s) by " + index.rule());
        if (why != null) {
            notes.add(why);
            ctx.log("warning", why);
        }
    }

    private boolean needsTrain() {
        if (run.finetune() != null || VisionSearch.wanted(run, Wanted.metrics(run))) {
            return true;
        }
        return run.prunes().stream().anyMatch(p -> method(p).needsData());
    }

    /** The registry's method for a prune block on this model; a mismatch (a spec `check` did not see) is said at the criterion. */
    private PruningMethod method(PruneSpec p) {
        try {
            return Methods.require(p.granularity().keyword(), family, p.criterion(), run.model().name());
        } catch (IllegalArgumentException e) {
            throw new JobFailure(e.getMessage(), p.criterionRange() != null ? p.criterionRange() : p.range());
        }
    }

    /** Scores of the unpruned model by criterion and seed: a search prunes it many times with the same scores. */
    private final Map<String, float[][]> denseScores = new java.util.HashMap<>();

    ImageSet train() {
        return train;
    }

    Network prune(Network current, Network dense, PruneSpec p) {
        PruningMethod method = method(p);
        ImageSet samples = null;
        if (method.needsData()) {
            if (train == null) {
                throw new JobFailure("criterion " + p.criterion() + " needs data: add a dataset", p.criterionRange());
            }
            int perClass = perClass(p);
            samples = Subsample.stratified(train, perClass, p.seed());
        }
        int steps = p.steps();
        for (int k = 1; k <= steps; k++) {
            String label = Amount.label(p) + (steps > 1 ? " (step " + k + "/" + steps + ")" : "");
            Network next;
            if (method instanceof VisionWeights weights) {
                try (var ph = ctx.green().meter().phase("pruning")) {
                    ctx.phase("pruning", label);
                    next = current.copy();
                    double ratio = stepRatio(p.ratio(), k, steps);
                    var r = WeightPruning.apply(next, weights.rule(), ratio, org.tinytitans.engine.prune.Scope.parse(p.scope()), p.pattern(), p.exclude(), p.seed());
                    if (!r.skipped().isEmpty()) {
                        notes.add("N:M pattern skipped " + r.skipped().size() + " kernel(s) whose input channels are not a multiple of M: " + r.skipped());
                    }
                    notes.add(String.format(Locale.ROOT, "unstructured pruning zeroed %.1f%% of the pruned kernels' weights; dense kernels run no faster for it", r.sparsity() * 100));
                }
            } else {
                Criterion criterion = ((VisionScoring) method).criterion();
                float[][] scores;
                String key = current == dense ? p.criterion() + "/" + (p.seed() + k) + "/" + (samples == null ? 0 : samples.size()) : null;
                if (key != null && denseScores.containsKey(key)) {
                    scores = denseScores.get(key);
                } else {
                    try (var ph = ctx.green().meter().phase("scoring")) {
                        ctx.phase("scoring", "scoring with " + p.criterion() + (samples == null ? "" : " on " + samples.size() + " samples"));
                        scores = criterion.score(current, samples, p.seed() + k, ctx.progress());
                    }
                    if (key != null) denseScores.put(key, scores);
                }
                try (var ph = ctx.green().meter().phase("pruning")) {
                    ctx.phase("pruning", label);
                    if (p.granularity() == Granularity.FILTERS) {
                        double ratio = stepRatio(p.ratio(), k, steps);
                        next = FilterPruning.apply(current, List.of(scores), ratio, org.tinytitans.engine.prune.Scope.parse(p.scope()), p.exclude(), 0, p.roundTo(),
                                steps == 1 ? p.layerRatios() : stepRatios(p.layerRatios(), k, steps));
                    } else {
                        float[] flat = new float[scores.length];
                        for (int i = 0; i < scores.length; i++) {
                            flat[i] = scores[i][0];
                        }
                        Double ratio = p.ratio() == null ? null : stepRatio(p.ratio(), k, steps);
                        Integer count = p.count() == null ? null : share(p.count(), k, steps);
                        next = LayerPruning.apply(current, flat, ratio, count, p.exclude());
                    }
                }
            }
            if (current != dense) {
                current.close();
            }
            current = next;
            if (steps > 1 && k < steps && run.finetune() != null) {
                try (var ph = ctx.green().meter().phase("finetune")) {
                    // Algorithm 1: recover between iterations, with the epochs spread over the steps.
                    finetune(current, dense, run.finetune(), Math.max(1, run.finetune().epochs() / steps));
                }
            }
        }
        return current;
    }

    /** The resolved samples (the spec's, else the catalog's default for the dataset), spread over the classes present. */
    private int perClass(PruneSpec p) {
        if (p.samples() == null) {
            throw new JobFailure("criterion " + p.criterion() + " needs a number of samples: set `samples`", p.criterionRange());
        }
        return Math.max(1, p.samples() / Math.max(1, train.classes()));
    }

    /** Removes ratio/K of the original width per step: the fraction of what remains at step k. */
    static double stepRatio(double ratio, int k, int steps) {
        double per = ratio / steps;
        return per / (1 - (k - 1) * per);
    }

    private static Map<String, Double> stepRatios(Map<String, Double> perLayer, int k, int steps) {
        Map<String, Double> out = new LinkedHashMap<>();
        perLayer.forEach((l, r) -> out.put(l, stepRatio(r, k, steps)));
        return out;
    }

    /** The k-th of `steps` near-equal parts of `count` (the parts sum to count). */
    static int share(int count, int k, int steps) {
        return count * k / steps - count * (k - 1) / steps;
    }

    void finetune(Network net, Network teacher, FinetuneSpec f, int epochs) {
        if (train == null) {
            throw new JobFailure("finetune needs a dataset with a train split", f.range());
        }
        ImageSet data = f.samples() == null ? train : Subsample.stratified(train, Math.max(1, f.samples() / Math.max(1, train.classes())), run.seed());
        TrainConfig.Augmentation aug = !f.augment() ? TrainConfig.Augmentation.NONE
                : run.dataset().name().equals("cifar10") ? TrainConfig.Augmentation.CIFAR : TrainConfig.Augmentation.CROP_ONLY;
        TrainConfig.Schedule schedule = switch (f.schedule()) {
            case "step" -> TrainConfig.Schedule.STEP;
            case "cosine" -> TrainConfig.Schedule.COSINE;
            default -> TrainConfig.Schedule.CONSTANT;
        };
        int[] milestones = f.milestones().stream().mapToInt(Integer::intValue).toArray();
        TrainConfig config = new TrainConfig(epochs, f.batch(),
                "adam".equals(f.optimizer()) ? TrainConfig.OptimizerKind.ADAM : TrainConfig.OptimizerKind.SGD,
                f.lr(), f.momentum(), f.nesterov(), f.weightDecay(), f.warmup(), schedule, milestones, f.gamma(),
                aug, 1, run.seed(), f.distill() ? new Distillation(teacher.block(), 4.0, 0.9) : null);
        ctx.phase("finetune", "fine-tuning " + epochs + " epoch(s) on " + data.size() + " images");
        List<EpochStats> stats = FineTuner.train(net.block(), data, config, ctx.progress());
        for (EpochStats s : stats) {
            ctx.log("info", String.format(Locale.ROOT, "epoch %d: loss %.4f, train accuracy %.2f%%, lr %.4g, %.1fs",
                    s.epoch(), s.loss(), s.accuracy() * 100, s.lr(), s.seconds()));
        }
    }

    private void measureStatic(Network net, Measured m, Set<String> wanted) {
        Counts c = net.graph().counts();
        m.put("params", c.params());
        m.put("flops", c.macs());
        m.put("memory", c.memoryGb() * 1024 * 1024 * 1024);
        long nonzero = net.nonzeroParams();
        m.put("sparsity", 1 - (double) nonzero / Math.max(1, net.parameterCount()));
        m.json.addProperty("params", c.params());
        m.json.addProperty("flops", c.macs());
        m.json.addProperty("memory_mb", c.memoryGb() * 1024);
        m.json.addProperty("nonzero_params", nonzero);
        m.json.addProperty("sparsity", 1 - (double) nonzero / Math.max(1, net.parameterCount()));
        m.json.addProperty("filters", c.filters());
        m.json.addProperty("blocks", c.blocks());
        emitMetric(m.which, "params", c.params(), "");
        emitMetric(m.which, "flops", c.macs(), "");
        if (wanted.contains("flops-tutorial")) {
            long tutorial = net.graph().tutorialMacs();
            m.put("flops-tutorial", tutorial);
            m.json.addProperty("flops_tutorial", tutorial);
            emitMetric(m.which, "flops-tutorial", tutorial, "");
        }
    }

    private void evaluate(Network net, Measured m, String which) {
        ctx.phase("evaluate", "evaluating " + which + " accuracy on " + test.size() + " test images");
        Evaluation e;
        try (InferenceForm form = InferenceForm.of(net)) {   // what is deployed: batch norms folded
            e = Evaluator.evaluate(form.block(), test, run.dataset().batch(), ctx.progress());
        }
        m.put("accuracy", e.accuracy());
        m.json.addProperty("accuracy", e.accuracy());
        m.json.addProperty("loss", e.loss());
        emitMetric(which, "accuracy", e.accuracy(), "fraction");
    }

    private LatencyReport time(Network dense, Network pruned) {
        var l = run.latency();
        int batch = l.batch();
        int runs = l.runs();
        int warmup = l.warmup();
        var g = dense.graph();
        long[] shape = {batch, g.inputLayer().out(), g.height(), g.width()};
        if ("onnxruntime".equals(l.runtime())) {
            return timeInOnnxRuntime(dense, pruned, new LatencyConfig(shape, warmup, runs, run.seed()), l.threads());
        }
        ctx.phase("latency", "timing dense and pruned interleaved: batch " + batch + ", " + runs + " runs after " + warmup + " warm-up");
        // Timed as deployed (batch norms folded into their convs), so latencies compare with PyTorch's frozen models.
        try (InferenceForm d = InferenceForm.of(dense); InferenceForm p = InferenceForm.of(pruned)) {
            Map<String, Block> models = new LinkedHashMap<>();
            models.put("dense", d.block());
            models.put("pruned", p.block());
            return timeInEngine(models, new LatencyConfig(shape, warmup, runs, run.seed()), l.threads());
        }
    }

    LatencyReport timeInEngine(Map<String, Block> models, LatencyConfig config, int threads) {
        // PyTorch's intra-op pool may be resized at any time (its inter-op pool only before the first op), so
        // `threads` applies to the timed runs and the previous size comes back afterwards.
        int before = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        double load = LoadAverage.now();
        int cpus = Runtime.getRuntime().availableProcessors();
        if (threads <= 0 && load >= cpus) {
            int faster = LatencyHarness.fasterThreads(models, config);
            if (faster != before) {
                threads = faster;
                threadsNote = String.format(Locale.ROOT, "timed with %d intra-op thread%s instead of %d: the machine was busy "
                        + "(load average %.1f on %d CPUs) and that was faster here; set `latency { threads N }` to fix the count",
                        faster, faster == 1 ? "" : "s", before, load, cpus);
                ctx.log("info", threadsNote);
                notes.add(threadsNote);
            }
        }
        boolean resize = threads > 0 && threads != before;
        if (resize) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
        try {
            return LatencyHarness.run(models, config, ctx.progress());
        } finally {
            if (resize) {
                ai.djl.pytorch.jni.JniUtils.setNumThreads(before);
            }
        }
    }

    /** Both models exported to ONNX in memory and timed by ONNX Runtime with the engine's harness and statistics. */
    private LatencyReport timeInOnnxRuntime(Network dense, Network pruned, LatencyConfig config, int threads) {
        ctx.phase("latency", "timing dense and pruned interleaved in ONNX Runtime " + OnnxRuntimeModel.version() + ": batch "
                + config.batch() + ", " + config.runs() + " runs after " + config.warmup() + " warm-up");
        try (OnnxRuntimeModel d = new OnnxRuntimeModel(OnnxExport.model(dense).toByteArray(), threads);
             OnnxRuntimeModel p = new OnnxRuntimeModel(OnnxExport.model(pruned).toByteArray(), threads)) {
            Map<String, LatencyHarness.Timed> models = new LinkedHashMap<>();
            models.put("dense", d::timeOnce);
            models.put("pruned", p::timeOnce);
            return LatencyHarness.run(models, "onnxruntime", config, ctx.progress());
        }
    }

    private void put(Measured m, LatencyStats s, LatencyReport report, long macsPerSample, double roofline) {
        String runtime = report.runtime();
        m.put("latency", s.p50() / 1000);
        m.put("throughput", s.throughput());
        JsonObject l = new JsonObject();
        l.addProperty("p50", s.p50());
        l.addProperty("p90", s.p90());
        l.addProperty("p99", s.p99());
        l.addProperty("mean", s.mean());
        l.addProperty("min", s.min());
        l.addProperty("stddev", s.stddev());
        l.addProperty("iqr", s.iqr());
        l.addProperty("batch", s.batch());
        l.addProperty("runs", s.runs());
        l.addProperty("runtime", runtime);
        if (runtime.equals("onnxruntime")) {
            l.addProperty("runtime_version", OnnxRuntimeModel.version());
        }
        if (runtime.equals(LatencyHarness.ENGINE)) {
            l.addProperty("form", "inference (batch norms folded into convolutions)");
            l.addProperty("threads", report.threads().intraOpThreads());
            if (threadsNote != null) {
                l.addProperty("threads_note", threadsNote);
            }
        }
        double achieved = Roofline.achieved((double) macsPerSample * s.batch(), s.p50());
        l.addProperty("gmacs", achieved);
        l.addProperty("roofline_gmacs", roofline);
        l.addProperty("of_roofline", achieved / roofline);
        JsonObject load = new JsonObject();
        load.addProperty("before", report.load().before());
        load.addProperty("after", report.load().after());
        load.addProperty("cpus", report.load().cpus());
        load.addProperty("busy", report.load().busy());
        l.add("load_average", load);
        m.json.add("latency_ms", l);
        m.json.addProperty("throughput", s.throughput());
        emitMetric(m.which, "latency", s.p50(), "ms");
    }

    private void describeWidths(Network before, Network after, JsonArray out) {
        for (Layer l : before.graph().layers()) {
            if (l.kind() != Kind.CONV && l.kind() != Kind.DENSE) {
                continue;
            }
            JsonObject o = new JsonObject();
            o.addProperty("name", l.name());
            o.addProperty("kind", l.kind().name().toLowerCase(Locale.ROOT));
            o.addProperty("before", l.out());
            o.addProperty("after", after.graph().has(l.name()) ? after.graph().layer(l.name()).out() : 0);
            out.add(o);
        }
    }

    private void emitMetric(String which, String name, double value, String unit) {
        ctx.events().event("metric").with("experiment", run.id()).with("which", which).with("name", name)
                .with("value", value).with("unit", unit).with("line", null).emit();
    }
}
