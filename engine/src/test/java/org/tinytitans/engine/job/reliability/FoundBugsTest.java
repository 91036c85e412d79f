package org.tinytitans.engine.job.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.files.AtomicFiles;

/**
 * What the fault suite found, pinned as plain unit tests (not tagged: `mvn verify` runs them): a truncated
 * weights file failed with "Unexpected end of ZLIB input stream" (which file?), and a failed atomic write did
 * not name its target.
 */
class FoundBugsTest {
    @TempDir
    Path dir;

    @Test
    void truncatedWeightsNameTheFile() throws Exception {
        byte[] good = Files.readAllBytes(Jobs.model());
        Path weights = Files.write(dir.resolve("half.tt"), Arrays.copyOf(good, good.length / 2));
        Jobs.Run run = Jobs.inProcess(Jobs.spec(dir, "s.prune", JobFaultsTest.QUICK, weights, Jobs.data()), dir.resolve("out"));
        assertEquals(ExitCodes.JOB_FAILED, run.exitCode());
        JobFiles.assertClear(JobFiles.first(run.events(), "failed"), "half.tt");
    }

    @Test
    void aFailedAtomicWriteNamesItsTarget() throws Exception {
        Path target = Files.createDirectories(dir.resolve("occupied")).resolve("sub");
        Files.createDirectories(target.resolve("not-empty-dir").resolve("x"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(target.resolve("not-empty-dir"), "{}"));
        assertTrue(e.getMessage().startsWith("cannot write " + target.resolve("not-empty-dir")), e.getMessage());
    }
}
