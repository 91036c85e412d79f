package org.tinytitans.cli;

import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tinytitans.engine.job.EventWriter;
import org.tinytitans.engine.job.JobOptions;
import org.tinytitans.engine.job.JobResult;
import org.tinytitans.engine.job.SpecJob;
import org.tinytitans.engine.remote.RemoteException;
import org.tinytitans.engine.remote.Runners;
import org.tinytitans.engine.report.ResultsTable;
import org.tinytitans.engine.report.RunResult;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.TargetSpec;
import org.tinytitans.engine.train.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code titans-cli run FILE}: prune, fine-tune and measure every experiment of a spec. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run every experiment (and sweep point) of a spec: baseline metrics, pruning, fine-tuning, pruned",
            "metrics, latency, energy and carbon, and a verdict for each expect line.",
            "Results go to .titans/<spec>/ beside the spec (or --out): result.json, events.jsonl, the pruned model."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every expect held", "1:an expect failed, or the spec has errors",
            "2:usage or I/O problem", "3:the job failed"})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The spec to run.")
    Path file;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Run only this experiment.")
    String experiment;

    @Option(names = "--point", paramLabel = "K", description = "Run only the K-th run (0-based) of the selected sweep points.")
    Integer point;

    @Option(names = "--out", paramLabel = "DIR", description = "Write results here instead of .titans/<spec>/.")
    Path out;

    @Option(names = "--no-resume", description = "Run finished sweep points again instead of reusing them.")
    boolean noResume;

    @Option(names = "--json", description = "Print the result document as JSON on stdout.")
    boolean json;

    @Option(names = "--events", description = "Print job events as JSON lines on stdout (docs/events.md), for editors and remote runners.")
    boolean events;

    @Option(names = {"-q", "--quiet"}, description = "No progress output; results only.")
    boolean quiet;

    @Option(names = "--attach", paramLabel = "ID", description = "Follow a running or finished remote job (target ssh) again.")
    String attach;

    @Option(names = "--slurm-host", paramLabel = "HOST", description = "Submit target slurm jobs on this login node over ssh "
            + "(default: $TITANS_SLURM_HOST, else sbatch on this machine).")
    String slurmHost;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The spec's ssh or slurm target, or null to run here (also when the spec has errors: the job reports them). */
    private TargetSpec remoteTarget() {
        try {
            TargetSpec t = Runners.targetOf(SpecDocument.parse(CheckCommand.readSpec(file)));
            return Runners.isRemote(t) ? t : null;
        } catch (RemoteException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** An --experiment or --point the spec does not have is a usage error (exit 2), not a failed job (3). */
    private static JobResult runJob(SpecJob job) throws java.io.IOException {
        try {
            return job.run();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int terminalWidth() {
        try {
            return Math.max(60, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100")));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    @Override
    public Integer call() throws Exception {
        CheckCommand.readSpec(file); // same one-line errors as check for a missing or unreadable file
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        JobOptions options = new JobOptions(experiment, point, out, !noResume);
        if (events) {
            // The stream is the contract: route stray library output away from stdout.
            System.setOut(stderr);
            try {
                return runJob(new SpecJob(file, options, new EventWriter(stdout), Progress.NONE)).exitCode();
            } finally {
                System.setOut(stdout);
            }
        }
        Progress progress = new ConsoleProgress(stderr, System.console() != null, quiet || json);
        TargetSpec target = remoteTarget();
        if (target != null) {
            return RemoteRun.run(file, target, point, attach, slurmHost, progress, stderr, spec.commandLine().getOut(), json);
        }
        Thread interrupted = new Thread(() -> stderr.println(
                "\ntitans-cli: interrupted; finished runs are kept in .titans/ and are reused when you run the spec again"));
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            JobResult result = runJob(new SpecJob(file, options, new EventWriter(null), progress));
            var printer = spec.commandLine().getOut();
            if (result.result() == null) {
                // The spec had errors: show them as check does.
                return new CheckCommand().withFiles(java.util.List.of(file)).printTo(printer, spec.commandLine().getErr());
            }
            if (json) {
                printer.println(new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(result.result()));
            } else {
                RunTable.print(RunResult.from(result.result(), result.resultFile(), null), printer);
                SearchTrace.print(result.result(), printer);
                if (result.result().getAsJsonArray("experiments").size() > 1) {
                    // A sweep: one table over all points, sorted, with the Pareto-optimal ones marked.
                    printer.println();
                    printer.print(ResultsTable.render(result.result(), terminalWidth()));
                }
                printer.println("results: " + Path.of("").toAbsolutePath().relativize(result.resultFile().toAbsolutePath()));
            }
            printer.flush();
            return result.exitCode();
        } finally {
            Runtime.getRuntime().removeShutdownHook(interrupted);
        }
    }
}
