package org.tinytitans.server.services;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.tinytitans.engine.figures.Figures;
import org.tinytitans.engine.job.BudgetCheck;
import org.tinytitans.server.jobs.JobResults;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Severity;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;

/**
 * One merged list per file, because each publishDiagnostics replaces the last: the checker's syntax and
 * semantic findings, then what the last job said (failures at their line, figures at Information, unmet
 * `expect` lines as errors).
 */
public final class Diagnostics {
    public static final String SOURCE = "titans";
    public static final String JOB_SOURCE = "titans-run";

    private Diagnostics() {}

    /** folder: where the spec's relative files are looked up (its own folder), null for unsaved buffers. */
    public static List<Diagnostic> merged(SpecDocument doc, java.nio.file.Path folder, JobResults results) {
        return merged(Checker.check(doc, folder), () -> doc, results);
    }

    /** As above from findings already made (the server's are made incrementally); doc is asked for only for job results. */
    public static List<Diagnostic> merged(List<org.tinytitans.language.Diagnostic> findings, Supplier<SpecDocument> doc, JobResults results) {
        List<Diagnostic> out = new ArrayList<>(lsp(withEstimates(findings, doc)));
        if (results != null) out.addAll(job(doc.get(), results));
        return out;
    }

    /** The checker's findings; suggestions travel in {@code data} for the quick fixes. */
    public static List<Diagnostic> spec(SpecDocument doc, java.nio.file.Path folder) {
        return lsp(withEstimates(Checker.check(doc, folder), () -> doc));
    }

    /**
     * The checker's findings plus, once they hold no error, what the model's graph tells (BudgetCheck: an unreachable
     * `ratio auto` budget, an unknown `layer`), as `titans-cli check` prints them.
     */
    static List<org.tinytitans.language.Diagnostic> withEstimates(List<org.tinytitans.language.Diagnostic> findings, Supplier<SpecDocument> doc) {
        if (findings.stream().anyMatch(d -> d.severity() == Severity.ERROR)) return findings;
        List<org.tinytitans.language.Diagnostic> out = new ArrayList<>(findings);
        out.addAll(BudgetCheck.check(doc.get()));
        return out;
    }

    /** Findings as LSP diagnostics. */
    public static List<Diagnostic> lsp(List<org.tinytitans.language.Diagnostic> findings) {
        List<Diagnostic> out = new ArrayList<>(findings.size());
        for (org.tinytitans.language.Diagnostic d : findings) {
            Diagnostic x = new Diagnostic(Ranges.lsp(d.range()), d.message(), severity(d.severity()), SOURCE, d.code());
            if (!d.suggestions().isEmpty()) {
                JsonArray data = new JsonArray();
                d.suggestions().forEach(data::add);
                x.setData(data);
            }
            out.add(x);
        }
        return out;
    }

    public static List<Diagnostic> job(SpecDocument doc, JobResults r) {
        List<Diagnostic> out = new ArrayList<>();
        RunLines lines = new RunLines(r.specText(), doc);
        for (JobResults.Failure f : r.failures()) {
            int line = f.line() == null ? firstLine(doc, f.experiment()) : lines.map(f.line());
            if (line < 0) line = 0;
            Range range = Ranges.line(doc, line + 1);
            if (f.column() != null && f.line() != null) {
                int col = Math.max(0, f.column() - 1);
                range = new Range(new Position(line, col), range.getEnd().getCharacter() > col ? range.getEnd() : new Position(line, col));
            }
            String who = f.experiment() == null ? "" : f.experiment() + ": ";
            out.add(d(range, "run failed: " + who + f.message(), DiagnosticSeverity.Error, "job-failed"));
        }
        if (r.state() == JobResults.State.DIED) {
            out.add(d(Ranges.line(doc, 1), r.detail(), DiagnosticSeverity.Error, "job-died"));
        }
        for (JobResults.Verdict v : r.expects()) {
            int line = lines.map(v.line());
            if (line < 0) continue;
            String actual = v.actual() == null ? "" : " (actual: " + v.actual() + ")";
            out.add(v.passed()
                    ? d(Ranges.line(doc, line + 1), "expect met: " + v.text() + actual, DiagnosticSeverity.Information, "expect-met")
                    : d(Ranges.line(doc, line + 1), "expect not met: " + v.text() + actual, DiagnosticSeverity.Error, "expect-failed"));
        }
        for (Map.Entry<Integer, List<String>> e : figuresByLine(doc, r, lines).entrySet()) {
            out.add(d(Ranges.line(doc, e.getKey() + 1), "measured: " + String.join("; ", e.getValue()),
                    DiagnosticSeverity.Information, "result"));
        }
        return out;
    }

    /** "flops 125M -> 62M (-50%)" per metric, grouped by the current 0-based line they belong to. */
    static Map<Integer, List<String>> figuresByLine(SpecDocument doc, JobResults r, RunLines lines) {
        Map<String, JobResults.Metric[]> pairs = new LinkedHashMap<>();
        for (JobResults.Metric m : r.metrics()) {
            String key = m.experiment() + "\u0000" + m.name() + "\u0000" + m.line();
            JobResults.Metric[] p = pairs.computeIfAbsent(key, k -> new JobResults.Metric[2]);
            p["baseline".equals(m.which()) ? 0 : 1] = m;
        }
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (JobResults.Metric[] p : pairs.values()) {
            JobResults.Metric any = p[1] != null ? p[1] : p[0];
            int line = any.line() != null ? lines.map(any.line()) : firstLine(doc, any.experiment());
            if (line < 0) continue;
            out.computeIfAbsent(line, k -> new ArrayList<>()).add(figure(p[0], p[1]));
        }
        return out;
    }

    /** "accuracy 96.66% -> 95.71% (-0.95 points)", "flops 1.12M -> 333.06K (-70.2%)": Figures, as the CLI and reports. */
    static String figure(JobResults.Metric baseline, JobResults.Metric pruned) {
        JobResults.Metric any = pruned != null ? pruned : baseline;
        StringBuilder sb = new StringBuilder(any.name()).append(' ');
        if (baseline != null && pruned != null) {
            sb.append(value(baseline)).append(" -> ").append(value(pruned));
            String change = Figures.change(baseline.value(), pruned.value(), baseline.unit());
            if (!change.isEmpty()) sb.append(" (").append(change).append(")");
        } else {
            sb.append(value(any));
        }
        return sb.toString();
    }

    static String value(JobResults.Metric m) {
        return Figures.metric(m.value(), m.unit());
    }

    /** Line of `experiment NAME` (NAME may carry a sweep variant "[...]"), or 0. */
    static int firstLine(SpecDocument doc, String experiment) {
        if (experiment != null) {
            String name = experiment.contains("[") ? experiment.substring(0, experiment.indexOf('[')) : experiment;
            for (Statement s : doc.root().experiments()) {
                if (s.argument().map(Value::value).orElse("").equals(name)) return s.range().start().line();
            }
        }
        return 0;
    }

    private static Diagnostic d(Range range, String message, DiagnosticSeverity severity, String code) {
        return new Diagnostic(range, message, severity, JOB_SOURCE, code);
    }

    static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        };
    }
}
