package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.job.ExitCodes;

class RunAndEstimateTest {

    static final Path QUICKSTART = Path.of("../samples/quickstart.prune").toAbsolutePath().normalize();

    @TempDir
    Path out;

    @Test
    void quickstartRunsAndPrintsTheResultDocument() {
        CliRun run = CliRun.of("run", "--json", "--out", out.toString(), QUICKSTART.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
        JsonObject x = doc.getAsJsonArray("experiments").get(0).getAsJsonObject();
        assertEquals("quickstart", x.get("name").getAsString());
        JsonObject b = x.getAsJsonObject("baseline");
        JsonObject p = x.getAsJsonObject("pruned");
        for (String key : new String[] {"params", "flops", "accuracy"}) {
            assertTrue(b.has(key) && p.has(key), key);
        }
        JsonObject lat = p.getAsJsonObject("latency_ms");
        assertTrue(lat.has("p50") && lat.has("p90") && lat.has("mean"), lat.toString());
        JsonArray expectations = x.getAsJsonArray("expectations");
        assertEquals(2, expectations.size());
        for (var e : expectations) {
            JsonObject v = e.getAsJsonObject();
            assertTrue(v.has("line") && v.has("text") && v.has("passed") && v.has("actual"));
        }
        assertTrue(Files.isRegularFile(out.resolve("experiments/quickstart/model.tt")));
    }

    @Test
    void humanOutputShowsBaselinePrunedAndVerdicts() {
        CliRun run = CliRun.of("run", "--quiet", "--out", out.toString(), QUICKSTART.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("baseline") && run.out().contains("pruned"), run.out());
        assertTrue(run.out().contains("PASS expect flops <= 60%"), run.out());
    }

    @Test
    void runOfASpecWithErrorsExitsOneWithCheckOutput() throws Exception {
        Path bad = Files.writeString(out.resolve("bad.prune"), "experiment a {\n  model mnist-cnn\n  prune filters { ratio 150% }\n}\n");
        CliRun run = CliRun.of("run", bad.toString());
        assertEquals(ExitCodes.FAILED_CHECK, run.exitCode());
        assertTrue(run.out().contains(":3:"), run.out());
    }

    @Test
    void estimateIsExactForPerLayerFilters() throws Exception {
        Path spec = Files.writeString(out.resolve("e.prune"), "experiment a {\n  model resnet56\n  prune filters { criterion l1; ratio 50% }\n}\n");
        CliRun run = CliRun.of("estimate", "--json", spec.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        JsonObject e = JsonParser.parseString(run.out()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals(861_770, e.getAsJsonObject("baseline").get("params").getAsLong());
        assertEquals(125_747_840, e.getAsJsonObject("baseline").get("flops").getAsLong());
        assertTrue(e.get("exact").getAsBoolean());
        assertEquals(63_226_496, e.getAsJsonObject("low").get("flops").getAsLong());
    }

    @Test
    void estimateOfLayerPruningGivesARange() throws Exception {
        Path spec = Files.writeString(out.resolve("l.prune"), "experiment a {\n  model resnet110\n  prune layers { criterion l1; count 1 }\n}\n");
        CliRun run = CliRun.of("estimate", spec.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("1,742,762"), run.out());
        assertTrue(run.out().contains("1,737,994"), run.out());
    }
}
