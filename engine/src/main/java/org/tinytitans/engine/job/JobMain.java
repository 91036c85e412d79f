package org.tinytitans.engine.job;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The job process: {@code JobMain --events [--experiment NAME] [--point K] [--out DIR] [--no-resume] SPEC}.
 * Writes the event stream of docs/events.md on stdout and nothing else there, so the language server, the SSH
 * and the Slurm runners can all read it. Remote targets (ssh, slurm) in the spec run here, locally: this
 * process is the remote end.
 */
public final class JobMain {

    private JobMain() {}

    public static void main(String[] args) {
        // Whatever a library prints must not corrupt the event stream: stdout is ours alone.
        PrintStream eventsOut = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        System.exit(run(args, eventsOut));
    }

    static int run(String[] args, PrintStream eventsOut) {
        String experiment = null;
        Integer point = null;
        Path out = null;
        boolean resume = true;
        Path spec = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> { }
                case "--experiment" -> experiment = args[++i];
                case "--point" -> point = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--no-resume" -> resume = false;
                default -> spec = Path.of(args[i]);
            }
        }
        EventWriter events = new EventWriter(eventsOut);
        if (spec == null || !Files.isRegularFile(spec)) {
            events.event("failed").with("experiment", null).with("message", spec == null ? "no spec file given" : spec + ": no such file")
                    .with("line", null).with("column", null).emit();
            events.event("finished").with("exitCode", ExitCodes.USAGE).with("resultFile", null).emit();
            return ExitCodes.USAGE;
        }
        try {
            return new SpecJob(spec, new JobOptions(experiment, point, out, resume), events, new EventProgress(events)).run().exitCode();
        } catch (Exception | OutOfMemoryError e) {
            events.event("failed").with("experiment", null).with("message", e.getClass().getSimpleName() + ": " + e.getMessage())
                    .with("line", null).with("column", null).emit();
            events.event("finished").with("exitCode", ExitCodes.JOB_FAILED).with("resultFile", null).emit();
            return ExitCodes.JOB_FAILED;
        }
    }
}
