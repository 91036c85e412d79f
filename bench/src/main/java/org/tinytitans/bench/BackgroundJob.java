package org.tinytitans.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real job running beside the editor measurements: {@code titans-cli run samples/quickstart.prune} (prune the
 * shipped MNIST CNN, fine-tune, measure; a few seconds on 2 cores) started again as soon as it ends, so a job
 * competes for the CPU during every sample, as when a user keeps typing after saving. A run that fails stops
 * the measurement: figures "while a job runs" without a job would be wrong.
 */
final class BackgroundJob implements AutoCloseable {
    static final String SPEC = "samples/quickstart.prune";

    private final Path repo;
    private final Path work;
    private final Thread loop;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile Process current;
    private volatile boolean stopping;
    private volatile String failure;

    private BackgroundJob(Path repo, Path work) {
        this.repo = repo;
        this.work = work;
        this.loop = new Thread(this::loop, "background-job");
        this.loop.setDaemon(true);
    }

    /** Starts the first run and returns once it has been working for a moment (past the JVM's start). */
    static BackgroundJob start(Path repo, Path work) throws IOException {
        Files.createDirectories(work);
        BackgroundJob job = new BackgroundJob(repo, work);
        job.loop.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < until) {
            job.check();
            sleep(100);
        }
        job.check();
        return job;
    }

    /** The command, as run from the repository root (the table's note prints it). */
    static List<String> command(Path out) {
        return List.of("java", "-Dai.djl.offline=true", "-jar", "cli/target/titans-cli.jar", "run", SPEC, "--no-resume", "--quiet",
                "--out", out.toString());
    }

    /** Throws when a run failed or no run is going. */
    void check() {
        if (failure != null) throw new IllegalStateException("the background job failed: " + failure);
    }

    /** Runs that finished so far. */
    int finished() {
        return finished.get();
    }

    private void loop() {
        int n = 0;
        while (!stopping) {
            Path out = work.resolve("run-" + (n++ % 2));
            List<String> cmd = new ArrayList<>(command(out));
            cmd.set(0, Servers.javaBin());
            try {
                Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true)
                        .redirectOutput(work.resolve("job.log").toFile()).start();
                current = p;
                int rc = p.waitFor();
                if (stopping) return;
                if (rc != 0) {
                    failure = String.join(" ", cmd) + " exited " + rc + " (log: " + work.resolve("job.log") + ")";
                    return;
                }
                finished.incrementAndGet();
            } catch (IOException e) {
                failure = e.toString();
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping = true;
        Process p = current;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        loop.interrupt();
    }
}
