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
        estimateSpeaksTheRunsSchema(doc);
    }

    /**
     * The same spec estimated and run: the same experiment list, and each figure the estimate gives sits under
     * the same name on the same side of the run's result with the same value (per-layer filter pruning is
     * exact, and the shapes are counted from the same graph).
     */
    private static void estimateSpeaksTheRunsSchema(JsonObject runDoc) {
        CliRun est = CliRun.of("estimate", "--json", QUICKSTART.toString());
        assertEquals(ExitCodes.OK, est.exitCode(), est.out() + est.err());
        JsonObject estDoc = JsonParser.parseString(est.out()).getAsJsonObject();
        assertEquals("titans-estimate/1", estDoc.get("schema").getAsString());
        JsonArray ran = runDoc.getAsJsonArray("experiments");
        JsonArray estimated = estDoc.getAsJsonArray("experiments");
        assertEquals(ran.size(), estimated.size());
        for (int i = 0; i < ran.size(); i++) {
            JsonObject r = ran.get(i).getAsJsonObject();
            JsonObject e = estimated.get(i).getAsJsonObject();
            for (String key : new String[] {"name", "id", "model"}) {
                assertEquals(r.get(key), e.get(key), key);
            }
            assertEquals(r.get("variant"), e.get("variant"));
            for (String side : new String[] {"baseline", "pruned"}) {
                JsonObject rs = r.getAsJsonObject(side);
                JsonObject es = e.getAsJsonObject(side);
                assertTrue(es.keySet().size() >= 6, es.toString());
                for (String key : es.keySet()) {
                    assertTrue(rs.has(key), side + "." + key + " is estimated but the run has no such field: " + rs.keySet());
                    assertEquals(rs.get(key).getAsDouble(), es.get(key).getAsDouble(), 1e-9, side + "." + key);
                }
            }
        }
        for (String camel : new String[] {"nonzeroParams", "low", "high"}) {
            assertTrue(!est.out().contains("\"" + camel + "\""), camel + " is gone from the estimate: " + est.out());
        }
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
        JsonObject e = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("experiments").get(0).getAsJsonObject();
        assertEquals(861_770, e.getAsJsonObject("baseline").get("params").getAsLong());
        assertEquals(125_747_840, e.getAsJsonObject("baseline").get("flops").getAsLong());
        assertTrue(e.get("exact").getAsBoolean());
        assertEquals("analytic: architecture graph, no weights", e.get("method").getAsString());
        assertEquals(63_226_496, e.getAsJsonObject("pruned").get("flops").getAsLong());
        assertTrue(!e.getAsJsonObject("pruned").has("flops_low"), "an exact estimate has no range");
    }

    @Test
    void estimateOfLayerPruningGivesARange() throws Exception {
        Path spec = Files.writeString(out.resolve("l.prune"), "experiment a {\n  model resnet110\n  prune layers { criterion l1; count 1 }\n}\n");
        CliRun run = CliRun.of("estimate", spec.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("1,742,762"), run.out());
        assertTrue(run.out().contains("1,737,994"), run.out());
        assertTrue(run.out().contains("a range: the outcome depends on the scores"), run.out());
        JsonObject p = JsonParser.parseString(CliRun.of("estimate", "--json", spec.toString()).out()).getAsJsonObject()
                .getAsJsonArray("experiments").get(0).getAsJsonObject().getAsJsonObject("pruned");
        assertTrue(p.get("params_low").getAsLong() < p.get("params_high").getAsLong(), p.toString());
        assertEquals(p.get("params_low").getAsLong(), p.get("params").getAsLong(), "the pruned figure is the low end");
    }
}
