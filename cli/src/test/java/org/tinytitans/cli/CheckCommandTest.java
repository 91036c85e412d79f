package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.job.ExitCodes;

class CheckCommandTest {

    @TempDir
    Path dir;

    Path spec(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void cleanSpecExitsZeroWithSummary() throws IOException {
        Path ok = spec("ok.prune", "experiment a {\n  model resnet20\n  prune filters {\n    criterion l1\n    ratio 50%\n  }\n}\n");
        CliRun run = CliRun.of("check", ok.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("0 errors"), run.out());
    }

    @Test
    void errorIsPrintedAsFileLineColumnAndExitsOne() throws IOException {
        Path bad = spec("bad.prune", "experiment a {\n  model resnet20\n  prune filters {\n    criterion l3\n  }\n}\n");
        CliRun run = CliRun.of("check", bad.toString());
        assertEquals(ExitCodes.FAILED_CHECK, run.exitCode());
        String line = run.out().lines().filter(l -> l.contains("l3")).findFirst().orElseThrow();
        assertTrue(line.startsWith(bad + ":4:15: error: "), line);
        assertTrue(line.contains("did you mean 'l1'"), line);
        assertTrue(line.endsWith("[unknown-criterion]"), line);
    }

    @Test
    void jsonListsDiagnosticsWithOneBasedRanges() throws IOException {
        Path bad = spec("bad.prune", "experiment a {\n  model resnet20\n  prune filters { ratio 150% }\n}\n");
        CliRun run = CliRun.of("check", "--json", bad.toString());
        assertEquals(ExitCodes.FAILED_CHECK, run.exitCode());
        JsonArray arr = JsonParser.parseString(run.out()).getAsJsonArray();
        JsonObject range = null;
        for (var e : arr) {
            if (e.getAsJsonObject().get("code").getAsString().equals("out-of-range")) {
                range = e.getAsJsonObject();
            }
        }
        assertTrue(range != null, run.out());
        assertEquals(3, range.get("line").getAsInt());
        assertEquals(25, range.get("column").getAsInt());
        assertEquals(3, range.get("endLine").getAsInt());
        assertEquals(29, range.get("endColumn").getAsInt());
        assertEquals("error", range.get("severity").getAsString());
        assertEquals(bad.toString(), range.get("file").getAsString());
    }

    @Test
    void missingFileIsUsageErrorWithoutStackTrace() {
        CliRun run = CliRun.of("check", dir.resolve("nope.prune").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("no such file"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void directoryAndBinaryInputAreUsageErrors() throws IOException {
        assertEquals(ExitCodes.USAGE, CliRun.of("check", dir.toString()).exitCode());
        Path bin = Files.write(dir.resolve("bin.prune"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        CliRun run = CliRun.of("check", bin.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("not UTF-8"), run.err());
    }

    @Test
    void garbageNeverCrashes() throws IOException {
        Path junk = spec("junk.prune", "}}}{{ experiment \"\n\u0000 ratio %%% expect <= <=\n");
        CliRun run = CliRun.of("check", junk.toString());
        assertEquals(ExitCodes.FAILED_CHECK, run.exitCode());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void noArgumentsIsUsage() {
        assertEquals(ExitCodes.USAGE, CliRun.of("check").exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.of("--no-such-option").exitCode());
    }

    @Test
    void helpAndVersionWork() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("check"), help.out());
        CliRun checkHelp = CliRun.of("check", "--help");
        assertTrue(checkHelp.out().contains("--json"), checkHelp.out());
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("titans-cli"), version.out());
    }

    @Test
    void theSummaryCountsFilesThatCouldNotBeRead() throws IOException {
        Path ok = spec("ok.prune", "experiment a {\n  model resnet20\n}\n");
        CliRun run = CliRun.of("check", ok.toString(), dir.resolve("gone.prune").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("gone.prune: no such file"), run.err());
        assertTrue(run.out().contains("1 file checked, 1 could not be read: 0 errors"), run.out());
    }

    @Test
    void anEmptySpecIsAnErrorOfItsOwn() throws IOException {
        CliRun run = CliRun.of("check", spec("empty.prune", "# nothing yet\n").toString());
        assertEquals(ExitCodes.FAILED_CHECK, run.exitCode());
        assertTrue(run.out().contains("empty.prune:1:1: error: the file is empty") && run.out().contains("[empty-spec]"), run.out());
    }

    @Test
    void aWeightsFileThatDoesNotExistIsWarnedAtThePath() throws IOException {
        Path s = spec("w.prune", "experiment a {\n  model mnist-cnn { weights \"models/none.tt\" }\n}\n");
        CliRun run = CliRun.of("check", s.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), "a warning: the file may appear before the run");
        assertTrue(run.out().contains(s + ":2:29: warning: model weights \"models/none.tt\" does not exist"), run.out());
        assertTrue(run.out().contains("[missing-file]"), run.out());
    }

    @Test
    void runOnAnEmptySpecFailsAndWritesNoResult() throws IOException {
        Path empty = spec("empty.prune", "\n");
        CliRun run = CliRun.of("run", "--quiet", empty.toString());
        assertEquals(ExitCodes.FAILED_CHECK, run.exitCode(), run.out() + run.err());
        assertFalse(Files.exists(dir.resolve(".titans/empty/result.json")), "no empty result.json");
    }
}
