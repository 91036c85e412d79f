package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Diagnostic;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.ModelInfo;

class InitCommandTest {

    @TempDir
    Path dir;

    /** Every model some pruning method applies to (CLIP and LLaVA shapes have estimates only). */
    static Stream<String> models() {
        return Catalog.get().models().stream()
                .filter(m -> Catalog.get().methods().stream().anyMatch(x -> x.family() == m.modelFamily())).map(ModelInfo::name);
    }

    @Test
    void aModelNothingCanPruneGetsNoStarterSpec() {
        CliRun run = CliRun.of("init", "--model", "clip-vit-b32", "--out", "-");
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.out());
        assertTrue(run.err().contains("no pruning method applies to CLIP models yet"), run.err());
        assertTrue(models().anyMatch("tiny-vit"::equals));
    }

    @ParameterizedTest
    @MethodSource("models")
    void starterSpecChecksCleanForEveryModel(String model) {
        CliRun run = CliRun.of("init", "--model", model, "--out", "-");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<Diagnostic> found = Checker.check(SpecDocument.parse(run.out()));
        assertEquals(List.of(), found, run.out());
        assertTrue(run.out().contains("model " + model), run.out());
        assertTrue(run.out().startsWith("# Starter spec for " + model), "it is commented");
    }

    @Test
    void writesTheFileAndRefusesToOverwriteWithoutForce() throws IOException {
        Path spec = dir.resolve("mine.prune");
        CliRun first = CliRun.of("init", "-m", "resnet56", "-o", spec.toString());
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        assertTrue(Files.readString(spec).contains("model resnet56"));
        Files.writeString(spec, "my edits\n");
        CliRun again = CliRun.of("init", "-m", "resnet56", "-o", spec.toString());
        assertEquals(ExitCodes.USAGE, again.exitCode());
        assertTrue(again.err().contains("--force"), again.err());
        assertEquals("my edits\n", Files.readString(spec), "left as it was");
        assertEquals(ExitCodes.OK, CliRun.of("init", "-m", "resnet56", "-o", spec.toString(), "--force").exitCode());
        assertTrue(Files.readString(spec).contains("model resnet56"));
        // and what check says about it agrees
        assertEquals(ExitCodes.OK, CliRun.of("check", spec.toString()).exitCode());
    }

    @Test
    void unknownModelIsUsageWithASuggestion() {
        CliRun run = CliRun.of("init", "-m", "resnet57", "-o", dir.resolve("x.prune").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("did you mean"), run.err());
        assertTrue(!Files.exists(dir.resolve("x.prune")));
    }
}
