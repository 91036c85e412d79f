package org.tinytitans.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tinytitans.engine.files.AtomicFiles;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.report.ReportFormat;
import org.tinytitans.engine.report.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code titans-cli report RESULTS|SPEC}: an offline HTML report, or Markdown, CSV or a JSON summary. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Write a report of a finished (or interrupted) run.",
            "RESULTS is a result.json or a .titans/STEM/ folder; SPEC a .prune file whose .titans/STEM/result.json is used.",
            "HTML is self-contained (inline CSS and SVG plots, no scripts, works offline); md and csv are for papers and"
                + " spreadsheets; json is a normalised summary (schema titans-report/2).",
            "Without --out the report goes to .titans/STEM/report.EXT beside the result, and its path is printed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:with --strict: an expect was not met",
            "2:usage error, or no readable result", "3:with --strict: the run or an experiment failed"})
final class ReportCommand implements Callable<Integer> {

    /** Completion candidates and the list the error message names. */
    static final class Formats extends java.util.ArrayList<String> {
        Formats() {
            super(List.of("html", "md", "json", "csv"));
        }
    }

    @Parameters(index = "0", paramLabel = "RESULTS|SPEC", description = "A result.json, a .titans/STEM/ folder, or a .prune spec.")
    Path input;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "html", completionCandidates = Formats.class,
            description = "html, md, json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write the report; '-' prints it.")
    String out;

    @Option(names = "--strict", description = "Exit 1 when an expect was not met and 3 when the run failed, as `run` does.")
    boolean strict;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        ReportFormat f = ReportFormat.parse(format);
        if (f == null) {
            throw new UsageException("unknown format '" + format + "' (use one of " + String.join(", ", new Formats()) + ")");
        }
        RunResult run = ResultFiles.read(input);
        String text = f.render(run);
        if ("-".equals(out)) {
            stdout.print(text);
            stdout.flush();
        } else {
            Path target = out != null ? Path.of(out) : run.file().toAbsolutePath().getParent().resolve("report." + f.extension());
            try {
                AtomicFiles.writeString(target, text);
            } catch (IOException e) {
                throw new UsageException(target + ": cannot write (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
            stdout.println(target);
            stdout.flush();
        }
        if (strict && run.failed()) return ExitCodes.JOB_FAILED;
        if (strict && run.expectsFailed() > 0) return ExitCodes.FAILED_CHECK;
        return ExitCodes.OK;
    }
}
