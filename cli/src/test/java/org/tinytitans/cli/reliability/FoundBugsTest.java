package org.tinytitans.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reliability suite found in the CLI, pinned as a plain unit test (not tagged: `mvn verify` runs it):
 * an --experiment or --point the spec does not have exited 3 ("the job failed") instead of 2 (usage).
 */
class FoundBugsTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownExperimentOrPointIsAUsageError() throws Exception {
        Path spec = Files.writeString(dir.resolve("s.prune"), "experiment e {\n  model resnet56\n  measure params\n}\n");
        Cli experiment = Cli.run("run", spec.toString(), "--experiment", "nope", "--out", dir.resolve("o").toString());
        assertEquals(2, experiment.exitCode(), experiment.show());
        assertTrue(experiment.err().contains("no experiment named 'nope'"), experiment.show());
        Cli point = Cli.run("run", spec.toString(), "--point", "3", "--out", dir.resolve("o").toString());
        assertEquals(2, point.exitCode(), point.show());
    }
}
