package org.tinytitans.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.tinytitans.engine.job.ExitCodes;

/** Entry point of titans-cli: a thin picocli shell over the spec and engine modules. */
@Command(name = "titans-cli",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prune neural networks and measure what it buys: FLOPs, params, latency, accuracy, energy, carbon.",
        subcommands = {CheckCommand.class, RunCommand.class, EstimateCommand.class, LspCommand.class, ReportCommand.class, ExportCommand.class, CompareCommand.class, ModelsCommand.class, CriteriaCommand.class, DoctorCommand.class, InitCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything passed",
            "1:errors in a spec, or an expect not met",
            "2:usage error or unreadable input",
            "3:the job failed"})
public final class TitansCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** DJL's download of a CUDA libtorch is the only thing that may go online; --offline forbids it (docs/gpu.md). */
    @CommandLine.Option(names = "--offline", scope = CommandLine.ScopeType.INHERIT,
            description = "Never go online (DJL's download of a CUDA libtorch is then not tried).")
    void offline(boolean offline) {
        if (offline) System.setProperty("ai.djl.offline", "true");
    }

    /** Native libraries' own warnings reach the terminal only when asked (engine/runtime/NativeLogs). */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show native libraries' warnings (libtorch's) on stderr, here and in the jobs started.")
    void verbose(boolean verbose) {
        if (verbose) System.setProperty("titans.verbose", "true");
    }

    @Override
    public void run() {
        // Without a subcommand there is nothing to do: show what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TitansCli());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            // A user never sees a stack trace; TITANS_DEBUG=1 shows it to us.
            cmd.getErr().println("titans-cli: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (System.getenv("TITANS_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return ex instanceof UsageException ? ExitCodes.USAGE : ExitCodes.JOB_FAILED;
        });
        return cl;
    }

    public static void main(String[] args) {
        // Editors start `titans-cli lsp` and wait for its first answer: that call goes straight to the server,
        // without building picocli's model of every subcommand (their classes and the engine types they name).
        if (isLspCall(args)) {
            TitansCli global = new TitansCli();
            for (String a : args) {
                if (a.equals("--offline")) global.offline(true);
                if (a.equals("--verbose")) global.verbose(true);
            }
            System.exit(new LspCommand().call());
        }
        System.exit(commandLine().execute(args));
    }

    /** `lsp` with at most the global flags, which picocli would parse the same way; anything else goes through picocli. */
    static boolean isLspCall(String[] args) {
        boolean lsp = false;
        for (String a : args) {
            if (a.equals("lsp") && !lsp) lsp = true;
            else if (!a.equals("--offline") && !a.equals("--verbose")) return false;
        }
        return lsp;
    }
}
