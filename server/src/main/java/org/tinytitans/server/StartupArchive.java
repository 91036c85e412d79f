package org.tinytitans.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's class-data sharing archive (AppCDS): the classes a session loads, parsed and verified once and
 * mapped at every later start (docs/benchmarks.md, start-up). Java 17 has no -XX:+AutoCreateSharedArchive, and an
 * archive is only valid for the jar paths and times it was made with, so it cannot ship in a package: it is made
 * on the user's machine, after the first session's warm-up, by a JVM that runs {@link Rehearsal} under
 * {@code -XX:ArchiveClassesAtExit}. The launchers ({@code titans-cli lsp}, the VS Code extension) name the file
 * with {@code -Dtitans.cds.archive=FILE} and pass {@code -XX:SharedArchiveFile=FILE} once it exists; they also
 * decide when it is stale (a rebuilt jar, another Java) and remove or rename it.
 */
final class StartupArchive {
    static final String PROPERTY = "titans.cds.archive";
    private static final Logger LOG = Logger.getLogger(StartupArchive.class.getName());

    private StartupArchive() {}

    /** The archive named by the launcher, when there is none yet; else null. */
    static Path wanted() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank()) return null;
        Path p = Path.of(name).toAbsolutePath();
        return Files.exists(p) ? null : p;
    }

    /**
     * Starts the training in the background and returns: a small JVM of its own ({@link #main}) runs the dumping JVM
     * and moves the archive into place when it is done, so the editor may close this server meanwhile. Written under
     * a temporary name and moved whole, so a start never maps a half-written file and two trainings do not collide.
     */
    static void train(Path archive) {
        List<String> c = new ArrayList<>(nice());
        c.addAll(List.of(javaBin(), "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                StartupArchive.class.getName(), archive.toString()));
        try {
            new ProcessBuilder(c).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().getOutputStream().close();
            LOG.info("making a class-data archive in the background for faster starts: " + archive);
        } catch (IOException e) {
            LOG.log(Level.INFO, "class-data archive: not made (" + e.getMessage() + ")", e);
        }
    }

    /** The training run's parent: {@code StartupArchive ARCHIVE}; exits 0 when the archive is in place. */
    public static void main(String[] args) throws InterruptedException {
        Path archive = Path.of(args[0]).toAbsolutePath();
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        int code = 1;
        try {
            Files.createDirectories(archive.getParent());
            Process p = new ProcessBuilder(command(javaBin(), System.getProperty("java.class.path"), tmp))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            } else if (p.exitValue() == 0 && Files.isRegularFile(tmp) && Files.size(tmp) > 0) {
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                code = 0;
            }
        } catch (IOException e) {
            System.err.println("class-data archive not made: " + e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) { // a leftover temporary file is harmless; the next training writes another
            }
        }
        System.exit(code);
    }

    /**
     * {@code java -XX:ArchiveClassesAtExit=OUT -cp CLASSPATH Rehearsal}: the class path exactly as the server's (the
     * string `-jar JAR` gave it), which is what the JVM checks when it maps the archive.
     */
    static List<String> command(String java, String classPath, Path out) {
        return List.of(java, "-XX:ArchiveClassesAtExit=" + out, "-Xlog:disable", "-Xlog:all=error:stderr",
                "-Dai.djl.offline=true", "-cp", classPath, Rehearsal.class.getName());
    }

    /** Niced where nice exists: the training shares the machine with the editor the user is typing in. */
    private static List<String> nice() {
        return Files.isExecutable(Path.of("/usr/bin/nice")) ? List.of("/usr/bin/nice", "-n", "10") : List.of();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
