package org.tinytitans.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.prune.Estimate;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Severity;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.language.resolve.PruneSpec;
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

    static EstimateReport.Experiment estimate(ExperimentRun run) {
        if (!Zoo.has(run.model().name())) {
            return EstimateReport.Experiment.failed(run.name(), run.id(), run.variant(), run.model().name(),
                    "no analytic graph for model '" + run.model().name() + "'");
        }
        Graph g = run.model().classes() == null ? Zoo.build(run.model().name()) : Zoo.build(run.model().name(), run.model().classes());
        Counts before = g.counts();
        Counts low = before;
        Counts high = before;
        long nonzero = before.params();
        for (PruneSpec p : run.prunes()) {
            Estimate e = Estimate.of(g, p.granularity(), p.ratio(), p.count(), p.scope(), p.exclude());
            low = e.low();
            high = e.high();
            nonzero = e.nonzeroParams();
            g = e.after();
        }
        return EstimateReport.Experiment.estimated(run.name(), run.id(), run.variant(), run.model().name(),
                before, low, high, nonzero);
    }
}
