package org.tinytitans.engine.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion and captures what it printed. */
final class Exec {
    record Result(int exit, String out, String err) {
        boolean ok() {
            return exit == 0;
        }

        /** stderr, or stdout when stderr is empty: the lines a user needs to see. */
        String complaint() {
            String s = err.isBlank() ? out : err;
            return s.strip();
        }
    }

    private Exec() {}

    static Result run(ProcessBuilder pb, Duration timeout) throws IOException {
        Process p = pb.start();
        if (pb.redirectInput() == ProcessBuilder.Redirect.PIPE) p.getOutputStream().close();
        return collect(p, timeout, String.join(" ", pb.command()));
    }

    static Result collect(Process p, Duration timeout, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread a = drain(p.getInputStream(), out);
        Thread b = drain(p.getErrorStream(), err);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException("timed out after " + timeout.toSeconds() + " s: " + what);
            }
            a.join();
            b.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + what, e);
        }
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Thread drain(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try (in) {
                in.transferTo(to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "exec-drain");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
