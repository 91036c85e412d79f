package org.tinytitans.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * libtorch's deprecation warning about its own internals ("[W... LegacyTypeDispatch.h] Warning:
 * AutoNonVariableTypeMode is deprecated") never reaches a job's stderr, and comes back with TITANS_VERBOSE=1.
 * A real JobMain process each time: the warning is printed once per process, at the first inference.
 */
class NativeWarningsTest {
    static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    String jobStderr(boolean verbose) throws Exception {
        Path spec = Files.writeString(dir.resolve("eval.prune"), "experiment e {\n  model mnist-cnn { weights \""
                + SAMPLES.resolve("models/mnist-cnn.tt") + "\" }\n  dataset mnist { path \"" + SAMPLES.resolve("data/mnist")
                + "\"; samples 256 }\n  measure accuracy\n}\n");
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), "org.tinytitans.engine.job.JobMain",
                "--events", "--no-resume", spec.toString()));
        pb.environment().remove(NativeLogs.TORCH_LOG);
        if (verbose) pb.environment().put("TITANS_VERBOSE", "1");
        else pb.environment().remove("TITANS_VERBOSE");
        Path err = dir.resolve(verbose ? "verbose.err" : "quiet.err");
        Process p = pb.redirectOutput(dir.resolve("events.jsonl").toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(err));
        return Files.readString(err);
    }

    @Test
    void libtorchsOwnWarningsStayQuietUnlessVerbose() throws Exception {
        assertFalse(jobStderr(false).contains("AutoNonVariableTypeMode"), "quiet by default");
        assertTrue(jobStderr(true).contains("AutoNonVariableTypeMode"), "verbose shows it (so the quiet run proves something)");
    }
}
