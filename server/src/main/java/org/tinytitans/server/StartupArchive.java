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
 * on the user's machine, after the first session's warm-up, by a child JVM that runs {@link Rehearsal} under
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
     * Dumps the archive in a child JVM on this one's class path, written under a temporary name and moved into
     * place whole, so a start never maps a half-written file and two servers training at once do not collide.
     */
    static void train(Path archive) {
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(archive.toAbsolutePath().getParent());
            Process p = new ProcessBuilder(command(javaBin(), System.getProperty("java.class.path"), tmp))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                LOG.info("class-data archive: the training run took over 10 minutes; stopped");
            } else if (p.exitValue() == 0 && Files.size(tmp) > 0) {
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("class-data archive made for faster starts: " + archive);
            } else {
                LOG.info("class-data archive: the training run exited with " + p.exitValue() + "; starts stay unarchived");
            }
        } catch (IOException e) {
            LOG.log(Level.INFO, "class-data archive: not made (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) { // a leftover temporary file is harmless; the next training replaces it
            }
        }
    }

    /**
     * {@code [nice -n 10] java -XX:ArchiveClassesAtExit=OUT -cp CLASSPATH Rehearsal}: the class path exactly as this
     * JVM's (the string `-jar JAR` gave it), which is what the JVM checks when it maps the archive. Niced where
     * nice exists: the training shares the machine with the editor the user is typing in.
     */
    static List<String> command(String java, String classPath, Path out) {
        List<String> c = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) c.addAll(List.of("/usr/bin/nice", "-n", "10"));
        c.addAll(List.of(java, "-XX:ArchiveClassesAtExit=" + out, "-Xlog:disable", "-Xlog:all=error:stderr",
                "-Dai.djl.offline=true", "-cp", classPath, Rehearsal.class.getName()));
        return c;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
