package org.tinytitans.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.job.BudgetCheck;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Diagnostic;
import org.tinytitans.language.Severity;
import org.tinytitans.language.SpecDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code titans-cli check FILE...}: parse and check specs without running anything. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Check .prune specs for errors without running them.",
            "Prints one line per finding as FILE:LINE:COL: SEVERITY: MESSAGE [CODE], then a summary."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors", "1:errors found", "2:usage or I/O problem (missing or unreadable file)"})
final class CheckCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Spec files to check.")
    List<Path> files;

    @Option(names = "--json", description = "Print a JSON array of diagnostics instead of text.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print errors only, and no summary.")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return printTo(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    CheckCommand withFiles(List<Path> specs) {
        this.files = specs;
        return this;
    }

    /** Checks the files and prints the findings; returns the exit code. */
    int printTo(PrintWriter out, PrintWriter err) {
        List<FileFinding> findings = new ArrayList<>();
        int unreadable = 0;
        for (Path file : files) {
            String text;
            try {
                text = readSpec(file);
            } catch (UsageException e) {
                err.println("titans-cli: " + e.getMessage());
                unreadable++;
                continue;
            }
            Path folder = file.toAbsolutePath().getParent();
            SpecDocument doc = SpecDocument.parse(text);
            List<Diagnostic> found = Checker.check(doc, folder);
            for (Diagnostic d : found) {
                findings.add(new FileFinding(file.toString(), d));
            }
            if (found.stream().noneMatch(d -> d.severity() == Severity.ERROR)) {
                // what only the model's graph tells (an unreachable budget, an unknown layer), once the spec reads clean
                for (Diagnostic d : BudgetCheck.check(doc)) {
                    findings.add(new FileFinding(file.toString(), d));
                }
            }
        }
        long errors = findings.stream().filter(f -> f.diagnostic().severity() == Severity.ERROR).count();
        long warnings = findings.stream().filter(f -> f.diagnostic().severity() == Severity.WARNING).count();
        if (json) {
            out.println(DiagnosticJson.toJson(findings));
        } else {
            for (FileFinding f : findings) {
                if (!quiet || f.diagnostic().severity() == Severity.ERROR) {
                    out.println(f.toLine());
                }
            }
            if (!quiet) {
                int checked = files.size() - unreadable;
                out.printf("%d file%s checked%s: %d error%s, %d warning%s%n",
                        checked, checked == 1 ? "" : "s", unreadable == 0 ? "" : ", " + unreadable + " could not be read",
                        errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
            }
        }
        out.flush();
        err.flush();
        if (unreadable > 0) {
            return ExitCodes.USAGE;
        }
        return errors > 0 ? ExitCodes.FAILED_CHECK : ExitCodes.OK;
    }

    /** Reads a spec as UTF-8, turning every I/O failure into a one-line message. */
    static String readSpec(Path file) {
        if (!Files.exists(file)) {
            throw new UsageException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException(file + ": is a directory, not a spec file");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new UsageException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
