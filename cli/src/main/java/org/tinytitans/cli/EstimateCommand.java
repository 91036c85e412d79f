package org.tinytitans.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.prune.Estimate;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Severity;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code titans-cli estimate FILE}: analytic params, FLOPs and memory before and after pruning, from the
 * architecture graph alone: no weights are loaded and nothing runs, so it answers at once.
 */
@Command(name = "estimate",
        mixinStandardHelpOptions = true,
        description = {
            "Estimate params, FLOPs (MACs) and memory before and after pruning, without loading weights.",
            "Exact for per-layer filter pruning; a range where the outcome depends on the weights' scores."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:estimated (--json: docs/results.md#estimates)", "1:the spec has errors", "2:usage or I/O problem"})
final class EstimateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The spec to estimate.")
    Path file;

    @Option(names = "--json", description = "Print the estimate as JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String text = CheckCommand.readSpec(file);
        SpecDocument doc = SpecDocument.parse(text);
        if (Checker.check(doc).stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            return new CheckCommand().withFiles(List.of(file)).printTo(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        List<EstimateReport.Experiment> all = new ArrayList<>();
        for (ExperimentRun run : Experiments.resolve(doc)) {
            all.add(estimate(run));
        }
        EstimateReport report = new EstimateReport(EstimateReport.SCHEMA, file.toString(), all);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(report.toJson());
        } else {
            report.print(out);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The run's figures as the engine's one estimate gives them (the editor's hints show the same). */
    static EstimateReport.Experiment estimate(ExperimentRun run) {
        Estimate e;
        try {
            e = Estimate.of(run);
        } catch (IllegalArgumentException ex) {
            return EstimateReport.Experiment.failed(run.name(), run.id(), run.variant(), run.model().name(), ex.getMessage());
        }
        return EstimateReport.Experiment.estimated(run.name(), run.id(), run.variant(), run.model().name(),
                e.before(), e.low(), e.high(), e.nonzeroParams());
    }
}
