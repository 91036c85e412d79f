package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `titans-cli run` of a `ratio auto` spec: the trace and the chosen plan in the table, the tables in --json; check's estimate errors. */
class SearchRunTest {
    static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();

    @TempDir
    Path out;

    private Path spec(String expect) throws Exception {
        return Files.writeString(out.resolve("s.prune"), """
                experiment s {
                  model mnist-cnn { weights "%s" }
                  dataset mnist { path "%s" }
                  prune filters { criterion l1; ratio auto }
                  search { trials 3; ratios 50%%; finalists 1; finalist-epochs 0; samples 100 }
                  measure flops, accuracy
                  %s
                }
                """.formatted(SAMPLES.resolve("models/mnist-cnn.tt"), SAMPLES.resolve("data/mnist"), expect));
    }

    @Test
    void theTableShowsTheTraceAndThePlanAndJsonCarriesTheSensitivityTable() throws Exception {
        Path spec = spec("expect flops <= 50%");
        CliRun run = CliRun.of("run", "--quiet", "--out", out.resolve("o").toString(), spec.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("s  sensitivity: filters pruned alone by l1"), run.out());
        assertTrue(run.out().contains("s  search: sensitivity allocation, objective accuracy, budget flops <= 50%"), run.out());
        assertTrue(run.out().contains("bisection") && run.out().contains("winner"), run.out());
        Matcher m = Pattern.compile("layer \"conv1\" ratio ([\\d.]+)%").matcher(run.out());
        assertTrue(m.find(), "the chosen plan as layer lines: " + run.out());

        CliRun json = CliRun.of("run", "--json", "--out", out.resolve("o").toString(), spec.toString());
        JsonObject x = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("experiments").get(0).getAsJsonObject();
        assertEquals(2, x.getAsJsonObject("sensitivity").getAsJsonArray("layers").size());
        JsonObject search = x.getAsJsonObject("search");
        JsonObject winner = search.getAsJsonArray("trials").get(search.get("chosen").getAsInt()).getAsJsonObject();
        double conv1 = winner.getAsJsonArray("plan").get(0).getAsJsonObject().getAsJsonObject("ratios").get("conv1").getAsDouble();
        assertEquals(conv1 * 100, Double.parseDouble(m.group(1)), 1e-9, "the table's line is the plan's ratio");
    }

    @Test
    void checkSaysWhenTheBudgetCannotBeReached() throws Exception {
        Path spec = spec("expect flops <= 1%");
        CliRun run = CliRun.of("check", spec.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().matches("(?s).*s\\.prune:7:3: error: expect flops <= 1%: the lowest reachable with these prune blocks is \\d+\\.\\d% "
                + "\\(every layer at 99%\\) \\[budget-unreachable\\].*"), run.out());
    }
}
