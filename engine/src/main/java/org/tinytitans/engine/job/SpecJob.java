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
import org.tinytitans.engine.metrics.EnergySettings;
import org.tinytitans.engine.metrics.GreenMetrics;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.spec.Checker;
import org.tinytitans.spec.Diagnostic;
import org.tinytitans.spec.Severity;
import org.tinytitans.spec.SpecDocument;
import org.tinytitans.spec.catalog.Catalog;
import org.tinytitans.spec.resolve.EnergySpec;
import org.tinytitans.spec.resolve.ExperimentRun;
import org.tinytitans.spec.resolve.Experiments;

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
        JsonObject env = Environment.describe(device(runs));
        AtomicFiles.writeString(root.resolve("environment.json"), pretty(env));
        events.alsoTo(root.resolve("events.jsonl"));

        JsonObject doc0 = new JsonObject();
        doc0.addProperty("schema", "titans-result/1");
        doc0.addProperty("spec", spec.toString());
        doc0.addProperty("specHash", hash);
        doc0.addProperty("status", "interrupted");
        doc0.addProperty("startedAt", Instant.now().toString());
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
                r = runOne(run, dir, hash);
            }
            String status = r.get("status").getAsString();
            failed |= status.equals("failed");
            for (var e : r.getAsJsonArray("expectations")) {
                expectFailed |= !e.getAsJsonObject().get("passed").getAsBoolean();
            }
            events.event("result").with("experiment", run.id()).with("result", r).emit();
            Aggregate.write(resultFile, doc0, all, named, hash, false);
        }
        doc0.addProperty("finishedAt", Instant.now().toString());
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

    private JsonObject runOne(ExperimentRun run, Path dir, String hash) throws IOException {
        JsonObject r = new JsonObject();
        r.addProperty("name", run.name());
        r.addProperty("id", run.id());
        JsonObject variant = new JsonObject();
        run.variant().forEach(variant::addProperty);
        r.add("variant", variant);
        r.addProperty("model", run.model() == null ? null : run.model().name());
        r.addProperty("dataset", run.dataset() == null ? null : run.dataset().name());
        r.addProperty("target", run.target() == null ? "cpu" : run.target().kind());
        r.addProperty("specHash", hash);
        Instant start = Instant.now();
        try (GreenMetrics green = GreenMetrics.forSettings(settings(run))) {
            if (run.model() == null) {
                throw new JobFailure("experiment " + run.name() + " has no model", run.range());
            }
            checkTarget(run);
            JobContext ctx = new JobContext(run, spec.getParent(), dir, events, progress, green);
            ExperimentOutcome outcome = isLanguageModel(run)
                    ? new LanguageExperiment(ctx).execute()
                    : new VisionExperiment(ctx).execute();
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

    private void fail(String experiment, String message, org.tinytitans.spec.Range range) {
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
            boolean same = r.has("specHash") && r.get("specHash").getAsString().equals(hash);
            return same && "complete".equals(r.get("status").getAsString()) ? r : null;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: run the point again
        }
    }

    static boolean isLanguageModel(ExperimentRun run) {
        return Catalog.get().model(run.model().name()).map(m -> m.family().equals("language")).orElse(false);
    }

    private void checkTarget(ExperimentRun run) {
        var t = run.target();
        String kind = t == null ? "cpu" : t.kind();
        Integer index = t == null ? null : t.gpu();
        if (t == null || t.range() == null) {
            // No `target` line: the editor's default target (setting titans.target), if it sent one.
            String fallback = System.getenv("TITANS_DEFAULT_TARGET");
            if (fallback != null && fallback.trim().startsWith("gpu")) {
                kind = "gpu";
                String n = fallback.trim().substring(3).trim();
                index = n.matches("\\d+") ? Integer.valueOf(n) : null;
            } else if (fallback != null && !fallback.isBlank() && !fallback.trim().equals("cpu")) {
                events.event("log").with("level", "warning").with("message", "[" + run.id() + "] default target '"
                        + fallback.trim() + "' is not applied to this run: put `target ...` in the spec to run it there").emit();
            }
        }
        if (kind.equals("gpu")) {
            int gpus = ai.djl.engine.Engine.getInstance().getGpuCount();
            if (gpus == 0) {
                throw new JobFailure("target gpu: no CUDA device is visible to PyTorch here (this build ships the CPU natives; "
                        + "run on a GPU host with target ssh, or use target cpu)", t == null ? run.range() : t.range() == null ? run.range() : t.range());
            }
            int i = index == null ? 0 : index;
            if (i >= gpus) {
                throw new JobFailure("target gpu " + i + ": only " + gpus + " GPU(s) visible", t == null || t.range() == null ? run.range() : t.range());
            }
        }
    }

    private static String device(List<ExperimentRun> runs) {
        return runs.stream().anyMatch(r -> r.target() != null && r.target().kind().equals("gpu")) ? "gpu" : "cpu";
    }

    static EnergySettings settings(ExperimentRun run) {
        EnergySettings s = EnergySettings.defaults();
        EnergySpec e = run.energy();
        if (e == null || e.range() == null) {
            // No energy block: the editor's carbon-region setting if it sent one, else the tutorial's 0.432 kg/kWh.
            String region = System.getenv("TITANS_CARBON_REGION");
            return region == null || region.isBlank() ? s : s.withRegion(region.trim());
        }
        s = s.withPue(e.pue()).withRegion(e.region());
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
