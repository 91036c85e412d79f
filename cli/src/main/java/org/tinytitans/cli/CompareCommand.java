package org.tinytitans.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.report.Comparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code titans-cli compare A B}: two runs side by side, with the change of every pruned metric. */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare two runs: experiments are matched by id, then by position, and each pruned metric is shown",
            "for A and B with its change (B - A) and relative change. Each RESULT is a result.json, a .titans/STEM/",
            "folder or a .prune spec."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared", "2:usage error, or a result missing or unreadable"})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "A", description = "The first result (the reference).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The second result.")
    Path b;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Comparison c = Comparison.of(ResultFiles.read(a), ResultFiles.read(b));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? c.toJsonText() : c.toText());
        out.flush();
        return ExitCodes.OK;
    }
}
