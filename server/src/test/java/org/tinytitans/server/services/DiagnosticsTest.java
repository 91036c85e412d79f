package org.tinytitans.server.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.server.TitansAssert.d;
import static org.tinytitans.server.TitansAssert.diagnosticsFor;
import static org.tinytitans.server.TitansAssert.testDiagnosticsFor;

import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;
import org.tinytitans.server.jobs.JobResults;
import org.tinytitans.language.SpecDocument;

class DiagnosticsTest {
    static final String SPEC = "experiment e {\n  model resnet56\n  dataset cifar10\n  prune filters {\n    criterion l1\n"
            + "    ratio 50%\n  }\n  measure flops\n  expect flops <= 55%\n}\n";

    @Test
    void checkerFindingsCarryCodeSourceAndSuggestions() {
        Diagnostic x = testDiagnosticsFor("experiment e {\n  model resnet56\n  prune filters { criterion l11; ratio 50% }\n}\n",
                d(2, 28, "unknown-criterion"));
        assertEquals(Diagnostics.SOURCE, x.getSource());
        assertEquals(DiagnosticSeverity.Error, x.getSeverity());
        assertTrue(x.getData().toString().contains("l1"), "suggestions travel in data: " + x.getData());
    }

    @Test
    void validSpecIsClean() {
        assertEquals(List.of(), diagnosticsFor(SPEC).stream().filter(x -> x.getSeverity() == DiagnosticSeverity.Error).toList());
    }

    @Test
    void jobFindingsMergeAtTheirLines() {
        JobResults r = new JobResults("h", SPEC, JobResults.State.FINISHED,
                List.of(new JobResults.Metric("e", "baseline", "flops", 125e6, "", 8),
                        new JobResults.Metric("e", "pruned", "flops", 62.5e6, "", 8)),
                List.of(new JobResults.Verdict("e", 9, "flops <= 55%", false, "60%")),
                List.of(new JobResults.Failure("e", "weights not found", 2, 9)), 0, null, null);
        List<Diagnostic> all = Diagnostics.merged(SpecDocument.parse(SPEC), null, r);
        Diagnostic expect = find(all, "expect-failed");
        assertEquals(8, expect.getRange().getStart().getLine());
        assertEquals(DiagnosticSeverity.Error, expect.getSeverity());
        assertTrue(expect.getMessage().getLeft().contains("60%"));
        Diagnostic figure = find(all, "result");
        assertEquals(7, figure.getRange().getStart().getLine());
        assertEquals(DiagnosticSeverity.Information, figure.getSeverity());
        assertTrue(figure.getMessage().getLeft().contains("flops 125M -> 62.5M (-50%)"), figure.getMessage().getLeft());
        Diagnostic failure = find(all, "job-failed");
        assertEquals(1, failure.getRange().getStart().getLine());
        assertEquals(8, failure.getRange().getStart().getCharacter());
    }

    @Test
    void findingsOnEditedLinesDisappearAndMovedLinesFollow() {
        JobResults r = new JobResults("h", SPEC, JobResults.State.FINISHED, List.of(),
                List.of(new JobResults.Verdict("e", 9, "flops <= 55%", true, "50%")), List.of(), 0, null, null);
        String moved = "# a new first line\n" + SPEC;
        assertEquals(9, find(Diagnostics.job(SpecDocument.parse(moved), r), "expect-met").getRange().getStart().getLine());
        String edited = SPEC.replace("expect flops <= 55%", "expect flops <= 40%");
        assertTrue(Diagnostics.job(SpecDocument.parse(edited), r).isEmpty());
    }

    @Test
    void aDeadJobIsAnErrorOnTheFirstLine() {
        JobResults r = new JobResults("h", SPEC, JobResults.State.DIED, List.of(), List.of(), List.of(), 137, null,
                "the job process ended without finishing (killed by signal 9 (SIGKILL: killed, or out of memory))");
        Diagnostic x = find(Diagnostics.job(SpecDocument.parse(SPEC), r), "job-died");
        assertEquals(0, x.getRange().getStart().getLine());
        assertTrue(x.getMessage().getLeft().contains("SIGKILL"));
    }

    static Diagnostic find(List<Diagnostic> all, String code) {
        return all.stream().filter(x -> code.equals(x.getCode().getLeft())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + all));
    }

    @Test
    void resultFiguresReadAsTheCliPrintsThem() {
        var acc = new org.tinytitans.server.jobs.JobResults.Metric("q", "baseline", "accuracy", 0.9666, "fraction", 9);
        var accPruned = new org.tinytitans.server.jobs.JobResults.Metric("q", "pruned", "accuracy", 0.9571, "fraction", 9);
        assertEquals("accuracy 96.66% -> 95.71% (-0.95 points)", Diagnostics.figure(acc, accPruned));
        var flops = new org.tinytitans.server.jobs.JobResults.Metric("q", "baseline", "flops", 1117056, "", 7);
        var flopsPruned = new org.tinytitans.server.jobs.JobResults.Metric("q", "pruned", "flops", 333056, "", 7);
        assertEquals("flops 1.12M -> 333.06K (-70.2%)", Diagnostics.figure(flops, flopsPruned));
        var ms = new org.tinytitans.server.jobs.JobResults.Metric("q", "pruned", "latency", 0.5584, "ms", 8);
        assertEquals("latency 0.5584 ms", Diagnostics.figure(null, ms));
    }
}
