package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.job.ExitCodes;

class CompareCommandTest {

    @TempDir
    Path dir;

    /** A second run where l1 50% reached 98% accuracy instead of 97.5%. */
    Path[] twoRuns() throws IOException {
        Path a = SweepFixture.copyTo(dir.resolve("a"));
        Path b = SweepFixture.copyTo(dir.resolve("b"));
        String json = Files.readString(b.resolve("result.json"));
        Files.writeString(b.resolve("result.json"), json.replace("\"accuracy\": 0.975", "\"accuracy\": 0.98"));
        return new Path[] {a, b};
    }

    @Test
    void showsDeltasPerExperiment() throws IOException {
        Path[] runs = twoRuns();
        CliRun run = CliRun.of("compare", runs[0].toString(), runs[1].toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        assertTrue(run.out().contains("criteria_sweep [l1 50%]"), run.out());
        assertTrue(run.out().contains("+0.5 points"), run.out());
        assertTrue(run.out().contains("+0.5%"), "relative change of accuracy: " + run.out());
    }

    @Test
    void jsonCarriesAbsoluteAndRelativeChange() throws IOException {
        Path[] runs = twoRuns();
        CliRun run = CliRun.of("compare", "--json", runs[0].resolve("result.json").toString(), runs[1].toString());
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        JsonObject l1at50 = o.getAsJsonArray("pairs").get(1).getAsJsonObject();
        assertEquals("criteria_sweep[criterion=l1,ratio=50%]", l1at50.get("b").getAsString());
        assertEquals("id", l1at50.get("matched_by").getAsString());
        JsonObject acc = l1at50.getAsJsonObject("metrics").getAsJsonObject("accuracy");
        assertEquals(0.005, acc.get("change").getAsDouble(), 1e-9);
        assertEquals(0.005 / 0.975, acc.get("relative").getAsDouble(), 1e-9);
        assertEquals(0.0, l1at50.getAsJsonObject("metrics").getAsJsonObject("flops").get("change").getAsDouble());
    }

    @Test
    void missingResultIsUsage() {
        CliRun run = CliRun.of("compare", dir.resolve("x.json").toString(), dir.resolve("y.json").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertEquals(ExitCodes.USAGE, CliRun.of("compare", "only-one.json").exitCode());
    }
}
