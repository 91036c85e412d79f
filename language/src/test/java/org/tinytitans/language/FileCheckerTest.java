package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.language.SpecAssert.assertDiagnostic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A `weights` file or dataset `path` that is not there is a warning at the path, relative to the spec's folder. */
class FileCheckerTest {
    @TempDir
    Path dir;

    List<Diagnostic> missing(String text) {
        return Checker.check(SpecDocument.parse(text), dir).stream().filter(d -> d.code().equals(Codes.MISSING_FILE)).toList();
    }

    @Test
    void filesThatExistBesideTheSpecAreQuiet() throws Exception {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/net.tt"), "x");
        Files.createDirectories(dir.resolve("data/mnist"));
        assertEquals(List.of(), missing("experiment e {\n  model mnist-cnn { weights \"models/net.tt\" }\n  dataset mnist { path \"data/mnist\" }\n}\n"));
    }

    @Test
    void aMissingWeightsFileAndDatasetFolderAreWarnedAtThePath() {
        Diagnostic w = assertDiagnostic("experiment e {\n  model mnist-cnn { weights |\"models/gone.tt\" }\n  dataset mnist { path \"data/none\" }\n}\n",
                Codes.MISSING_FILE, dir);
        assertEquals(Severity.WARNING, w.severity());
        assertTrue(w.message().contains("looked for " + dir.resolve("models/gone.tt")), w.message());
        assertEquals(2, missing("model mnist-cnn { weights \"models/gone.tt\" }\ndataset mnist { path \"data/none\" }\n").size());
    }

    @Test
    void withoutAFolderNothingIsLookedUp() {
        assertTrue(Checker.check(SpecDocument.parse("model mnist-cnn { weights \"models/gone.tt\" }\n")).stream()
                .noneMatch(d -> d.code().equals(Codes.MISSING_FILE)));
    }

    @Test
    void anEmptyFileIsAnErrorOfItsOwn() {
        Diagnostic d = assertDiagnostic("|\n\n# just a comment\n", Codes.EMPTY_SPEC);
        assertEquals(Severity.ERROR, d.severity());
    }
}
