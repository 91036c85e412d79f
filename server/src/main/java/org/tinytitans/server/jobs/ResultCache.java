package org.tinytitans.server.jobs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.report.ExpectResult;
import org.tinytitans.engine.report.ExperimentResult;
import org.tinytitans.engine.report.Metrics;
import org.tinytitans.engine.report.ReportException;
import org.tinytitans.engine.report.ResultReader;
import org.tinytitans.engine.report.RunResult;

/**
 * Finished results on disk are the job's own: {@code .titans/<stem>/result.json} and the spec copy beside it
 * (docs/results.md), the same files {@code titans-cli run}, {@code report} and {@code compare} use. There is no
 * second cache: an unchanged spec (the same text as the copy the result was run from) is not run again, and
 * the editor shows the last results after a restart or after a run from the terminal.
 */
public final class ResultCache {
    private static final Logger LOG = Logger.getLogger(ResultCache.class.getName());

    /** result.json METRICS keys and the names and units the job's metric events give the same figures. */
    private static final Map<String, String[]> FIGURES = Map.of(
            "params", new String[] {"params", ""},
            "flops", new String[] {"flops", ""},
            "flops_tutorial", new String[] {"flops-tutorial", ""},
            "accuracy", new String[] {"accuracy", "fraction"},
            "latency_ms", new String[] {"latency", "ms"},
            "perplexity", new String[] {"perplexity", ""});

    private ResultCache() {}

    /** A short hash that tells two spec texts apart, for naming a run's results. */
    public static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The result.json of the spec: {@code .titans/<stem>/result.json} beside it. */
    public static Path file(Path spec) {
        return ResultReader.locate(spec);
    }

    /** The results of the last finished run of exactly this text, if the spec's result folder holds them. */
    public static Optional<JobResults> load(Path spec, String text) {
        if (spec == null) return Optional.empty();
        Path f = file(spec);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            RunResult run = ResultReader.read(f);
            if (!text.equals(run.specText()) || "interrupted".equals(run.status())) return Optional.empty();
            return Optional.of(of(run, text, f));
        } catch (ReportException e) {
            LOG.log(Level.WARNING, "ignoring unreadable result " + f + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** A finished run's result read back as what its events said: figures, verdicts with their lines, failures. */
    static JobResults of(RunResult run, String text, Path file) {
        List<JobResults.Metric> metrics = new ArrayList<>();
        List<JobResults.Verdict> expects = new ArrayList<>();
        List<JobResults.Failure> failures = new ArrayList<>();
        for (ExperimentResult x : run.experiments()) {
            side(x, "baseline", x.baseline(), metrics);
            side(x, "pruned", x.pruned(), metrics);
            for (ExpectResult e : x.expectations()) {
                if (e.line() != null) {
                    expects.add(new JobResults.Verdict(x.id(), e.line(), e.text(), Boolean.TRUE.equals(e.passed()), e.actual()));
                }
            }
            if ("failed".equals(x.status())) {
                failures.add(new JobResults.Failure(x.id(), x.error() == null ? "failed" : x.error(), null, null));
            }
        }
        int exit = run.failed() ? ExitCodes.JOB_FAILED : run.expectsFailed() > 0 ? ExitCodes.FAILED_CHECK : ExitCodes.OK;
        return new JobResults(hash(text), text, JobResults.State.FINISHED, metrics, expects, failures, exit,
                file.toString(), null);
    }

    private static void side(ExperimentResult x, String which, Metrics m, List<JobResults.Metric> out) {
        for (String key : m.keys()) {
            String[] named = FIGURES.get(key);
            if (named != null) {
                out.add(new JobResults.Metric(x.id(), which, named[0], m.get(key), named[1], null));
            }
        }
    }
}
