package org.tinytitans.engine.remote;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tinytitans.engine.job.ExitCodes;

/**
 * A job whose events arrive on a local process's stdout: the job itself (local), an ssh session tailing
 * the remote event file, or a tail of a Slurm job's files. The runner decides the outcome once the stream
 * ended ({@link Ending}); cancelling runs the runner's remote cancel, then ends the local process.
 */
final class ProcessJob implements JobHandle {

    /** Turns the ended stream into an outcome (and brings results back); called once. */
    interface Ending {
        JobOutcome decide(ProcessJob job, int processExit) throws IOException, InterruptedException;
    }

    private static final int TAIL_LINES = 30;

    private final String id;
    private final Process process;
    private final EventReader reader;
    private final Runnable remoteCancel;
    private final int expectedFinishes;
    private final boolean stopWhenFinished;
    private final Ending ending;
    private final Deque<String> stderr = new ArrayDeque<>();
    private final Thread pump;
    private final Thread errPump;
    private volatile boolean cancelled;
    private JobOutcome outcome;

    /**
     * @param stopWhenFinished end the streaming process once {@code expectedFinishes} `finished` events came
     *                         (a tail of files never ends by itself); false when the stream ends on its own
     */
    ProcessJob(String id, Process process, Consumer<JobEvent> listener, Runnable remoteCancel, int expectedFinishes,
               boolean stopWhenFinished, Ending ending) {
        this.id = id;
        this.process = process;
        this.reader = new EventReader(listener);
        this.remoteCancel = remoteCancel;
        this.expectedFinishes = Math.max(1, expectedFinishes);
        this.stopWhenFinished = stopWhenFinished;
        this.ending = ending;
        this.pump = new Thread(this::readEvents, "job-events-" + id);
        this.errPump = new Thread(this::readStderr, "job-stderr-" + id);
        pump.setDaemon(true);
        errPump.setDaemon(true);
        pump.start();
        errPump.start();
    }

    private void readEvents() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                reader.accept(line);
                // A tail never ends by itself: stop it once every task has written `finished`.
                if (stopWhenFinished && reader.finishes().size() >= expectedFinishes) {
                    stopStream();
                }
            }
        } catch (IOException e) {
            // the stream broke: the ending decides what that means
        }
    }

    private void readStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (stderr) {
                    stderr.addLast(line);
                    if (stderr.size() > TAIL_LINES) stderr.removeFirst();
                }
            }
        } catch (IOException e) {
            // nothing more to read
        }
    }

    /** Ends the local streaming process (ssh or tail), not the job. */
    void stopStream() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    EventReader reader() {
        return reader;
    }

    int expectedFinishes() {
        return expectedFinishes;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** The last lines the streaming process wrote to stderr. */
    List<String> stderrTail() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    /** The value of the last stderr line "PREFIX: value", or null. */
    String marker(String prefix) {
        String found = null;
        for (String l : stderrTail()) if (l.startsWith(prefix + ": ")) found = l.substring(prefix.length() + 2).strip();
        return found;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<JobEvent> events() {
        return reader.events();
    }

    @Override
    public void cancel() {
        if (isDone() || cancelled) return;
        cancelled = true;
        try {
            if (remoteCancel != null) remoteCancel.run();
        } finally {
            stopStream();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized JobOutcome waitFor() throws InterruptedException {
        if (outcome != null) return outcome;
        pump.join();
        int exit = process.waitFor();
        errPump.join(2000);
        try {
            outcome = ending.decide(this, exit);
        } catch (IOException | RemoteException e) {
            outcome = new JobOutcome(JobOutcome.Status.FAILED, null, "the job ended but its results could not be fetched: " + e.getMessage(), null);
        }
        return outcome;
    }

    @Override
    public boolean isDone() {
        return !pump.isAlive() && !process.isAlive();
    }

    /**
     * The usual reading of an ended stream: every task finished (exit codes decide success), or it was
     * cancelled, or it died. {@code whereDied} adds what the transport knows about a death.
     */
    JobOutcome basicOutcome(int processExit, java.nio.file.Path resultDir, String whereDied) {
        List<JobEvent.Finished> finishes = reader.finishes();
        if (finishes.size() >= expectedFinishes) {
            int code = finishes.stream().mapToInt(JobEvent.Finished::exitCode).filter(c -> c != 0).findFirst().orElse(0);
            if (code == 0) return new JobOutcome(JobOutcome.Status.SUCCEEDED, 0, "the job finished", resultDir);
            String why = reader.failures().stream().map(JobEvent.Failed::message).filter(m -> m != null && !m.isBlank())
                    .findFirst().orElse("see its events and log");
            return new JobOutcome(JobOutcome.Status.FAILED, code, "the job failed (" + ExitCodes.describe(code) + "): " + why, resultDir);
        }
        if (cancelled) return new JobOutcome(JobOutcome.Status.CANCELLED, null, "the job was cancelled", resultDir);
        StringBuilder m = new StringBuilder("the job died: its event stream ended without `finished`");
        if (expectedFinishes > 1) m.append(" (").append(finishes.size()).append(" of ").append(expectedFinishes).append(" tasks finished)");
        if (whereDied != null && !whereDied.isBlank()) m.append("; ").append(whereDied);
        List<String> err = stderrTail().stream().filter(l -> !l.startsWith("titans-exit: ")).toList();
        if (!err.isEmpty()) m.append("; last output: ").append(String.join(" | ", err.subList(Math.max(0, err.size() - 5), err.size())));
        return new JobOutcome(JobOutcome.Status.DIED, null, m.toString(), resultDir);
    }
}
