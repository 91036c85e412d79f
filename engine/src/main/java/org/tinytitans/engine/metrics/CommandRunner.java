package org.tinytitans.engine.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short external command (nvidia-smi). Injected so tests can answer with canned CSV. */
@FunctionalInterface
public interface CommandRunner {

    record Result(int exitCode, String output) {
    }

    /** Throws IOException when the program cannot be started at all (e.g. not installed). */
    Result run(List<String> command) throws IOException;

    /** The real thing: stdout and stderr together, killed after 10 s so a hung driver cannot stall a job. */
    CommandRunner PROCESS = command -> {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (InputStream in = p.getInputStream()) {
            byte[] out = in.readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(124, new String(out, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    };
}
