package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;

class SamplesTest {
    static final Path SAMPLES = Path.of(System.getProperty("user.dir")).resolve("../samples").normalize();

    static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(SAMPLES)) {
            return s.filter(p -> p.toString().endsWith(".prune")).sorted().toList();
        }
    }

    @Test
    void everySampleChecksWithoutErrorsAndIsFormatted() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "no samples folder");
        List<Path> files = samples();
        assertTrue(files.size() >= 4, files.toString());
        for (Path f : files) {
            String text = Files.readString(f);
            List<Diagnostic> errors = Checker.check(SpecDocument.parse(text)).stream()
                    .filter(d -> d.severity() == Severity.ERROR).toList();
            assertEquals(List.of(), errors, f.getFileName().toString());
            assertEquals(text, Formatter.format(text), f.getFileName() + " is not in canonical format");
            assertFalse(Experiments.resolve(SpecDocument.parse(text)).isEmpty(), f.getFileName().toString());
        }
    }

    @Test
    void theSweepSampleExpandsToNineRuns() throws IOException {
        Path sweep = SAMPLES.resolve("sweep.prune");
        assumeTrue(Files.exists(sweep));
        List<ExperimentRun> runs = Experiments.resolve(SpecDocument.parse(Files.readString(sweep)));
        assertEquals(9, runs.size());
        assertEquals("criterion=l1,ratio=30%", runs.get(0).variantName());
        assertEquals("criterion=fpgm,ratio=70%", runs.get(8).variantName());
        assertEquals("mnist-cnn", runs.get(4).model().name());
    }
}
