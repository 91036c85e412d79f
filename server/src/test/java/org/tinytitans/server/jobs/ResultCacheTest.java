package org.tinytitans.server.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.job.ExitCodes;

/** The editor's results are the run's own files: what `titans-cli run` left beside a spec is what the editor shows. */
class ResultCacheTest {

    @TempDir
    Path dir;

    /** A real engine result (schema version 1, src/test/resources/report) and the spec copy, where a run leaves them. */
    private Path ranFromTheTerminal(String specText) throws Exception {
        Path spec = Files.writeString(dir.resolve("e2e.prune"), specText);
        Path folder = Files.createDirectories(dir.resolve(".titans/e2e"));
        Files.copy(Path.of(getClass().getResource("/report/result.json").toURI()), folder.resolve("result.json"));
        Files.writeString(folder.resolve("spec.prune"), specText);
        return spec;
    }

    @Test
    void aTerminalRunsResultIsTheEditorsForTheSameText() throws Exception {
        String text = "experiment e2e_run {\n  model mnist-cnn\n}\n";
        Path spec = ranFromTheTerminal(text);
        JobResults r = ResultCache.load(spec, text).orElseThrow();
        assertEquals(JobResults.State.FINISHED, r.state());
        assertEquals(ExitCodes.OK, r.exitCode());
        assertEquals(dir.resolve(".titans/e2e/result.json").toString(), r.resultFile());
        JobResults.Metric accuracy = r.metrics().stream()
                .filter(m -> m.name().equals("accuracy") && m.which().equals("pruned")).findFirst().orElseThrow();
        assertEquals(0.37924151696606784, accuracy.value(), 1e-15);
        assertEquals("fraction", accuracy.unit());
        assertEquals(4, r.metrics().stream().filter(m -> m.name().equals("params") || m.name().equals("flops")).count());
        assertEquals(13, r.expects().get(0).line());
        assertTrue(r.expects().get(0).passed());
        assertEquals("29.82% of baseline (333056 of 1117056)", r.expects().get(0).actual());
    }

    @Test
    void anEditedSpecIsNotServedTheOldResult() throws Exception {
        String text = "experiment e2e_run {\n  model mnist-cnn\n}\n";
        Path spec = ranFromTheTerminal(text);
        assertFalse(ResultCache.load(spec, text + "# edited\n").isPresent());
    }
}
