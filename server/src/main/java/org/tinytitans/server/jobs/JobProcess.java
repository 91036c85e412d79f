package org.tinytitans.server.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One job as a child process: events are read from its stdout line by line, stderr is kept (the last lines)
 * for the failure message. Running the engine in its own process is what keeps a native crash or an OOM
 * away from the server; cancelling is ending the process and its children.
 */
public final class JobProcess {
    private static final Logger LOG = Logger.getLogger(JobProcess.class.getName());
    private static final int STDERR_LINES = 20;

    private final Process process;
    private final Deque<String> stderrTail = new ArrayDeque<>();
    private final Thread stderrReader;

    private JobProcess(Process process) {
        this.process = process;
        this.stderrReader = new Thread(this::drainStderr, "titans-job-stderr-" + process.pid());
        this.stderrReader.setDaemon(true);
        this.stderrReader.start();
    }

    public static JobProcess start(List<String> command, Path workDir, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (workDir != null) pb.directory(workDir.toFile());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close(); // the job reads nothing from us
        return new JobProcess(p);
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Reads events until the job closes its stdout; then waits for the exit code. Runs on the caller's thread. */
    public int readEvents(Consumer<JobEvent> onEvent) throws InterruptedException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                EventParser.parse(line).ifPresent(onEvent);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "job stdout closed", e); // killed while reading: the exit code tells the story
        }
        int code = process.waitFor();
        stderrReader.join(2000);
        return code;
    }

    /** Ends the job and every process it started. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    public String stderrTail() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    private void drainStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String l = line;
                LOG.fine(() -> "job " + process.pid() + ": " + l);
                synchronized (stderrTail) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_LINES) stderrTail.removeFirst();
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is kept
        }
    }

    /** "exit code 3", or "killed by signal 9 (SIGKILL: out of memory or killed)" for 128+N codes. */
    static String describeExit(int code) {
        if (code > 128 && code < 160) {
            int signal = code - 128;
            String name = switch (signal) {
                case 9 -> "SIGKILL: killed, or out of memory";
                case 15 -> "SIGTERM";
                case 11 -> "SIGSEGV: native crash";
                case 6 -> "SIGABRT: native abort";
                default -> "signal " + signal;
            };
            return "killed by signal " + signal + " (" + name + ")";
        }
        return "exit code " + code;
    }
}
