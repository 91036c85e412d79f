package org.tinytitans.engine.job;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import ai.djl.Device;
import org.tinytitans.engine.files.AtomicFiles;
import org.tinytitans.engine.metrics.EnergySettings;
import org.tinytitans.engine.metrics.GreenMetrics;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.runtime.RuntimeReport;
import org.tinytitans.engine.runtime.RuntimeRequest;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Diagnostic;
import org.tinytitans.language.Severity;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.resolve.EnergySpec;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.engine.runtime.TorchRuntime;

/**
 * Runs every experiment (and sweep point) of one spec in this process and keeps its results on disk
 * (docs/results.md): the spec as run, the environment, the events, one result per point and the job's
 * result.json, each written atomically. result.json says "interrupted" until the job ends, so a killed job
 * is recognisable; finished points of the same spec are reused when it runs again.
 */
public final class SpecJob {

    private final Path spec;
    private final JobOptions options;
    private final EventWriter events;
    private final Progress progress;
    /** What RuntimeReport says of the libtorch this job runs on (the `runtime` event, environment.json). */
    private JsonObject runtime;

    public SpecJob(Path spec, JobOptions options, EventWriter events, Progress progress) {
        this.spec = spec.toAbsolutePath().normalize();
        this.options = options;
        this.events = events;
        this.progress = progress;
    }

    public JobResult run() throws IOException {
        String text = Files.readString(spec, StandardCharsets.UTF_8);
        SpecDocument doc = SpecDocument.parse(text);
        List<Diagnostic> errors = Checker.check(doc).stream().filter(d -> d.severity() == Severity.ERROR).toList();
        List<ExperimentRun> all = Experiments.resolve(doc);
        List<ExperimentRun> named = byExperiment(all);
        List<ExperimentRun> runs = byPoint(named);
        events.event("started").with("spec", spec.toString()).with("experiments", runs.stream().map(ExperimentRun::id).toList())
                .with("pid", ProcessHandle.current().pid()).emit();
        if (!errors.isEmpty()) {
            for (Diagnostic d : errors) {
                fail(null, d.message() + " [" + d.code() + "]", d.range());
            }
            return finish(ExitCodes.FAILED_CHECK, null, null);
        }
        Path root = options.out() != null ? options.out().toAbsolutePath() : spec.getParent().resolve(".titans").resolve(stem(spec));
        Files.createDirectories(root);
        String hash = sha256(text);
        AtomicFiles.writeString(root.resolve("spec.prune"), text);
        events.alsoTo(root.resolve("events.jsonl"));
        String runtimeFailure = chooseRuntime(runs);
        JsonObject env = Environment.describe(device(runs), runtime);
        AtomicFiles.writeString(root.resolve("environment.json"), pretty(env));

        JsonObject doc0 = new JsonObject();
        doc0.addProperty("schema", "titans-result/2");
        doc0.addProperty("spec", spec.toString());
        doc0.addProperty("spec_hash", hash);
        doc0.addProperty("status", "interrupted");
        doc0.addProperty("started_at", Instant.now().toString());
        doc0.add("environment", env);
        doc0.add("experiments", new JsonArray());
        Path resultFile = root.resolve("result.json");
        Aggregate.write(resultFile, doc0, all, named, hash, false);

        boolean failed = false;
        boolean expectFailed = false;
        for (ExperimentRun run : runs) {
            Path dir = root.resolve("experiments").resolve(safeId(run.id()));
            JsonObject r = options.resume() ? reusable(dir, hash) : null;
            if (r != null) {
                events.event("log").with("level", "info").with("message", "[" + run.id() + "] already done for this spec: reusing its result").emit();
            } else {
                r = runOne(run, dir, hash, runtimeFailure);
            }
            String status = r.get("status").getAsString();
            failed |= status.equals("failed");
            for (var e : r.getAsJsonArray("expectations")) {
                expectFailed |= !e.getAsJsonObject().get("passed").getAsBoolean();
            }
            events.event("result").with("experiment", run.id()).with("result", r).emit();
            Aggregate.write(resultFile, doc0, all, named, hash, false);
        }
        doc0.addProperty("finished_at", Instant.now().toString());
        Aggregate.write(resultFile, doc0, all, named, hash, true);
        try {
            org.tinytitans.engine.report.HtmlReportFile.write(resultFile);
        } catch (IOException | RuntimeException e) {
            // The results are what matters; a report that cannot be drawn is said, not fatal.
            events.event("log").with("level", "warning").with("message", "no report.html: " + e.getMessage()).emit();
        }
        int code = failed ? ExitCodes.JOB_FAILED : expectFailed ? ExitCodes.FAILED_CHECK : ExitCodes.OK;
        return finish(code, resultFile, doc0);
    }

    private JobResult finish(int code, Path resultFile, JsonObject doc) throws IOException {
        events.event("finished").with("exitCode", code).with("resultFile", resultFile == null ? null : resultFile.toString()).emit();
        events.close();
        return new JobResult(code, resultFile, doc);
    }

    private JsonObject runOne(ExperimentRun run, Path dir, String hash, String runtimeFailure) throws IOException {
        JsonObject r = new JsonObject();
        r.addProperty("name", run.name());
        r.addProperty("id", run.id());
        JsonObject variant = new JsonObject();
        run.variant().forEach(variant::addProperty);
        r.add("variant", variant);
        r.addProperty("model", run.model() == null ? null : run.model().name());
        r.addProperty("dataset", run.dataset() == null ? null : run.dataset().name());
        r.addProperty("target", run.target() == null ? "cpu" : run.target().kind());
        r.addProperty("spec_hash", hash);
        Instant start = Instant.now();
        // A GPU run's energy and memory are read from that GPU (NVML through nvidia-smi) as well as the host.
        Device planned = deviceOf(run, false);
        EnergySettings energy = settings(run).withGpus(planned.isGpu() ? List.of(planned.getDeviceId()) : List.of());
        try (GreenMetrics green = GreenMetrics.forSettings(energy)) {
            if (run.model() == null) {
                throw new JobFailure("experiment " + run.name() + " has no model", run.range());
            }
            Device device = checkTarget(run, runtimeFailure);
            JobContext ctx = new JobContext(run, spec.getParent(), dir, events, progress, green);
            ExperimentOutcome outcome = Devices.on(device, () -> isVisionLanguageModel(run) ? new VlmExperiment(ctx).execute()
                    : isLanguageModel(run) ? new LanguageExperiment(ctx).execute()
                    : isVisionTransformer(run) ? new VitExperiment(ctx).execute()
                    : new VisionExperiment(ctx).execute());
            outcome.result().entrySet().forEach(e -> r.add(e.getKey(), e.getValue()));
        } catch (JobFailure e) {
            markFailed(r, e.getMessage());
            fail(run.id(), e.getMessage(), e.range());
        } catch (IllegalArgumentException e) {
            markFailed(r, e.getMessage());
            fail(run.id(), e.getMessage(), run.range());
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            String message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            markFailed(r, message);
            fail(run.id(), message, run.range());
        }
        r.addProperty("seconds", Duration.between(start, Instant.now()).toMillis() / 1000.0);
        AtomicFiles.writeString(dir.resolve("result.json"), pretty(r));
        return r;
    }

    private static void markFailed(JsonObject r, String message) {
        r.addProperty("status", "failed");
        r.addProperty("error", message);
        if (!r.has("expectations")) {
            r.add("expectations", new JsonArray());
        }
    }

    private void fail(String experiment, String message, org.tinytitans.language.ast.Range range) {
        events.event("failed").with("experiment", experiment).with("message", message)
                .with("line", range == null ? null : range.start().line() + 1)
                .with("column", range == null ? null : range.start().column() + 1).emit();
    }

    private List<ExperimentRun> byExperiment(List<ExperimentRun> all) {
        List<ExperimentRun> runs = new ArrayList<>();
        for (ExperimentRun r : all) {
            if (options.experiment() == null || options.experiment().equals(r.name()) || options.experiment().equals(r.id())) {
                runs.add(r);
            }
        }
        if (options.experiment() != null && runs.isEmpty()) {
            throw new IllegalArgumentException("no experiment named '" + options.experiment() + "' in " + spec.getFileName()
                    + " (it has: " + String.join(", ", all.stream().map(ExperimentRun::name).distinct().toList()) + ")");
        }
        return runs;
    }

    private List<ExperimentRun> byPoint(List<ExperimentRun> runs) {
        if (options.point() == null) {
            return runs;
        }
        if (options.point() < 0 || options.point() >= runs.size()) {
            throw new IllegalArgumentException("point " + options.point() + " is out of range: the spec has " + runs.size() + " run(s)");
        }
        return List.of(runs.get(options.point()));
    }

    private static JsonObject reusable(Path dir, String hash) {
        Path f = dir.resolve("result.json");
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            JsonObject r = JsonParser.parseString(Files.readString(f)).getAsJsonObject();
            boolean same = r.has("spec_hash") && r.get("spec_hash").getAsString().equals(hash);
            return same && "complete".equals(r.get("status").getAsString()) ? r : null;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: run the point again
        }
    }

    static boolean isVisionLanguageModel(ExperimentRun run) {
        return Catalog.get().model(run.model().name()).map(m -> m.modelFamily() == org.tinytitans.language.catalog.ModelFamily.VLM)
                .orElse(false);
    }

    static boolean isLanguageModel(ExperimentRun run) {
        return Catalog.get().model(run.model().name()).map(m -> m.family().equals("language")).orElse(false);
    }

    /** A ViT/DeiT classifier (family `vit`): run by {@link VitExperiment}. CLIP shapes have no experiment yet. */
    static boolean isVisionTransformer(ExperimentRun run) {
        var family = Catalog.get().model(run.model().name()).map(m -> m.modelFamily()).orElse(null);
        if (family == org.tinytitans.language.catalog.ModelFamily.CLIP) {
            throw new IllegalArgumentException(run.model().name() + " has counts and estimates only: running a " + family.key()
                    + " model is not supported yet");
        }
        return family == org.tinytitans.language.catalog.ModelFamily.VIT;
    }

    /**
     * Where the run computes: `target gpu [N]`; on the host a remote target runs on, its GPU (`ssh { gpu N }`, or
     * the first of the GPUs Slurm gave with `gpus N`, which Slurm makes visible as devices 0..N-1); else the
     * editor's default target; else the CPU.
     */
    private Device deviceOf(ExperimentRun run, boolean warn) {
        var t = run.target();
        if (t != null && t.range() != null) {
            return switch (t.kind()) {
                case "gpu" -> Device.gpu(t.gpu() == null ? 0 : t.gpu());
                case "ssh" -> t.gpu() == null ? Device.cpu() : Device.gpu(t.gpu());
                case "slurm" -> t.gpus() != null && t.gpus() > 0 ? Device.gpu(0) : Device.cpu();
                default -> Device.cpu();
            };
        }
        // No `target` line: the editor's default target (setting titans.target), if it sent one.
        String fallback = System.getenv("TITANS_DEFAULT_TARGET");
        if (fallback != null && fallback.trim().startsWith("gpu")) {
            String n = fallback.trim().substring(3).trim();
            return Device.gpu(n.matches("\\d+") ? Integer.parseInt(n) : 0);
        }
        if (warn && fallback != null && !fallback.isBlank() && !fallback.trim().equals("cpu")) {
            events.event("log").with("level", "warning").with("message", "[" + run.id() + "] default target '"
                    + fallback.trim() + "' is not applied to this run: put `target ...` in the spec to run it there").emit();
        }
        return Device.cpu();
    }

    private Device checkTarget(ExperimentRun run, String runtimeFailure) {
        var t = run.target();
        org.tinytitans.language.ast.Range at = t == null || t.range() == null ? run.range() : t.range();
        Device device = deviceOf(run, true);
        if (runtimeFailure != null) {
            throw new JobFailure(runtimeFailure, at);
        }
        if (device.isGpu()) {
            int gpus = TorchRuntime.engine().getGpuCount();
            if (gpus == 0) {
                throw new JobFailure("target gpu: " + runtime.get("summary").getAsString()
                        + ", but PyTorch sees no CUDA device here (check nvidia-smi and CUDA_VISIBLE_DEVICES)", at);
            }
            if (device.getDeviceId() >= gpus) {
                throw new JobFailure("target gpu " + device.getDeviceId() + ": only " + gpus + " GPU(s) visible", at);
            }
        }
        return device;
    }

    /**
     * Chooses this job's libtorch once, before any tensor exists (engine/runtime), and says which in a `runtime`
     * event. Returns the sentence that fails every run when there is none to be had, else null.
     */
    private String chooseRuntime(List<ExperimentRun> runs) {
        boolean gpu = runs.stream().anyMatch(r -> deviceOf(r, false).isGpu());
        java.util.Set<String> torches = new java.util.LinkedHashSet<>();
        String origin = null;
        for (ExperimentRun r : runs) {
            if (r.target() != null && r.target().torch() != null) {
                torches.add(r.target().torch());
                if (origin == null && r.target().range() != null) origin = spec.getFileName() + ":" + (r.target().range().start().line() + 1);
            }
        }
        if (torches.size() > 1) {
            runtime = new JsonObject();
            runtime.addProperty("summary", "no libtorch: the experiments name different torch folders");
            return "the experiments of one spec run on one libtorch, but they name " + String.join(", ", torches) + ": split the file";
        }
        Path torch = torches.isEmpty() ? null : spec.getParent().resolve(torches.iterator().next());
        RuntimeRequest request = new RuntimeRequest(torch, origin, gpu, RuntimeRequest.offlineByDefault());
        runtime = RuntimeReport.describe(request, true, org.tinytitans.engine.metrics.CommandRunner.PROCESS);
        events.event("runtime").with("summary", runtime.get("summary").getAsString()).with("runtime", runtime).emit();
        JsonObject lib = runtime.getAsJsonObject("libtorch");
        if (lib.has("error")) return lib.get("error").getAsString();
        JsonObject loaded = runtime.getAsJsonObject("loaded");
        if (loaded != null && !loaded.get("ok").getAsBoolean()) {
            return "libtorch could not be loaded: " + loaded.get("error").getAsString();
        }
        return null;
    }

    private String device(List<ExperimentRun> runs) {
        return runs.stream().anyMatch(r -> deviceOf(r, false).isGpu()) ? "gpu" : "cpu";
    }

    static EnergySettings settings(ExperimentRun run) {
        EnergySpec e = run.energy();
        // Neither region nor intensity in the spec: the editor's carbon-region setting if it sent one, else the
        // tutorial's 0.432 kg/kWh (EnergySettings' default, the catalog's `intensity` default).
        String region = e.region();
        String editor = System.getenv("TITANS_CARBON_REGION");
        if (region == null && e.intensityGPerKwh() == null && editor != null && !editor.isBlank()) {
            region = editor.trim();
        }
        EnergySettings s = EnergySettings.defaults().withPue(e.pue()).withRegion(region);
        if (e.intensityGPerKwh() != null) {
            s = s.withIntensity(e.intensityGPerKwh() / 1000);
        }
        if (e.wueLPerKwh() > 0) {
            s = s.withWue(e.wueLPerKwh());
        }
        if (e.pricePerKwh() != null) {
            s = s.withPrices(e.pricePerKwh(), null);
        }
        if (e.tdpW() != null) {
            s = s.withCpuWatts(e.tdpW() / Runtime.getRuntime().availableProcessors(), null);
        }
        return s;
    }

    static String safeId(String id) {
        return id.replaceAll("[^A-Za-z0-9._=,-]", "_");
    }

    private static String stem(Path spec) {
        String n = spec.getFileName().toString();
        return n.endsWith(".prune") ? n.substring(0, n.length() - ".prune".length()) : n;
    }

    static String pretty(JsonObject o) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
                .serializeSpecialFloatingPointValues().create().toJson(o) + "\n";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
