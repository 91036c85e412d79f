package org.tinytitans.server.jobs;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tinytitans.server.settings.TitansSettings;

/**
 * The command line of a job. By default the engine's JobMain on this server's own class path, in a fresh JVM
 * (the same engine as `titans-cli run --events`); the `jobCommand` setting replaces it (tests use a script).
 */
public final class JobCommand {
    public static final String MAIN = "org.tinytitans.engine.job.JobMain";

    private JobCommand() {}

    public static List<String> of(TitansSettings settings, Path spec) {
        List<String> configured = settings.jobCommand();
        List<String> out = new ArrayList<>();
        if (configured.isEmpty()) {
            out.add(javaExecutable());
            out.addAll(settings.jobJavaOptions());
            out.add("-Dai.djl.offline=true");
            out.add("-cp");
            out.add(absoluteClassPath());
            out.add(MAIN);
            out.add("--events");
            out.add(spec.toString());
            return out;
        }
        for (String arg : configured) {
            out.add(arg.equals("FILE") ? spec.toString() : arg.replace("${file}", spec.toString()));
        }
        return out;
    }

    /** The job runs in the spec's folder, so relative class path entries (java -jar server/target/...) are resolved here. */
    static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) entries.add(Path.of(e).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }
}
