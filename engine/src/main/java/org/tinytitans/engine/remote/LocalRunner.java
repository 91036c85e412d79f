package org.tinytitans.engine.remote;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tinytitans.engine.runtime.RuntimeRequest;

/**
 * Runs a job as a child process of this one: by default the engine's JobMain on this JVM's class path, or
 * a given command (e.g. ["titans-cli", "run"]). The runner appends `--events SPEC [--point K]` and reads the
 * child's stdout. A crash or out-of-memory in the job never takes the caller down.
 */
public final class LocalRunner implements JobRunner {
    public static final String JOB_MAIN = "org.tinytitans.engine.job.JobMain";

    private final List<String> command;

    /** JobMain with this JVM's java and class path. */
    public LocalRunner() {
        this(jobMain(List.of()));
    }

    public LocalRunner(List<String> command) {
        if (command == null || command.isEmpty()) throw new IllegalArgumentException("empty job command");
        this.command = List.copyOf(command);
    }

    /**
     * The engine's JobMain in a fresh JVM: this JVM's java, the given JVM options, this class path made
     * absolute (the job runs in the spec's folder, and `java -jar server/target/...` gives a relative one).
     */
    public static List<String> jobMain(List<String> javaOptions) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) cp.add(Path.of(e).toAbsolutePath().toString());
        }
        List<String> argv = new ArrayList<>(List.of(java));
        argv.addAll(javaOptions);
        // The job chooses its own libtorch (engine/runtime); only the user's --offline is passed on.
        if (RuntimeRequest.offlineByDefault()) argv.add("-Dai.djl.offline=true");
        argv.addAll(List.of("-cp", String.join(File.pathSeparator, cp), JOB_MAIN));
        return argv;
    }

    /** The full command line for one spec (visible for tests). */
    public List<String> commandFor(Path spec, JobOptions options) {
        List<String> argv = new ArrayList<>(command);
        argv.add("--events");
        argv.add(spec.toAbsolutePath().normalize().toString());
        if (options.point() != null) {
            argv.add("--point");
            argv.add(String.valueOf(options.point()));
        }
        return argv;
    }

    @Override
    public JobHandle start(Path spec, JobOptions options) throws IOException {
        if (!Files.isRegularFile(spec)) throw new RemoteException("no spec file " + spec);
        Path abs = spec.toAbsolutePath().normalize();
        ProcessBuilder pb = new ProcessBuilder(commandFor(abs, options)).directory(abs.getParent().toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(org.tinytitans.engine.runtime.NativeLogs.jobEnvironment());
        pb.environment().putAll(options.env());
        Process p = pb.start();
        Path results = abs.getParent().resolve(".titans").resolve(Shipping.stem(abs));
        return new ProcessJob(String.valueOf(p.pid()), p, options.listener(), null, 1, false,
                (job, exit) -> job.basicOutcome(exit, Files.isDirectory(results) ? results : null,
                        exit == 0 ? null : org.tinytitans.engine.job.ExitCodes.describe(exit)));
    }
}
