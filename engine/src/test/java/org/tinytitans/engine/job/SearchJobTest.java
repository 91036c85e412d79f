package org.tinytitans.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.prune.Estimate;
import org.tinytitans.engine.search.TrialStore;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.Experiments;

/**
 * `ratio auto` end to end on the shipped MNIST CNN: every plan the search calls feasible meets the FLOPs and params
 * budget exactly, the chosen plan written back as `layer` lines reproduces the pruned model's FLOPs, trials are
 * announced as search-trial events, and a second run resumes from the stored trials.
 */
class SearchJobTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    private Path spec(String body) throws IOException {
        String text = body.replace("$DATA", SpecJobTest.SAMPLES.resolve("data/mnist").toString())
                .replace("$MODEL", SpecJobTest.SAMPLES.resolve("models/mnist-cnn.tt").toString());
        String name = body.contains("experiment w") ? "w.prune" : "s.prune";
        return Files.writeString(dir.resolve(name), text);
    }

    private record Run(JobResult result, List<JsonObject> events) {}

    private Run run(Path spec, JobOptions options) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        JobResult r = new SpecJob(spec, options, new EventWriter(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8)),
                org.tinytitans.engine.train.Progress.NONE).run();
        List<JsonObject> events = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines()
                .map(l -> com.google.gson.JsonParser.parseString(l).getAsJsonObject()).toList();
        return new Run(r, events);
    }

    private static final String SEARCH = """
            experiment s {
              model mnist-cnn { weights "$MODEL" }
              dataset mnist { path "$DATA" }
              prune filters { criterion l1; ratio auto }
              search { trials 4; ratios 30%, 60%; finalists 2; finalist-epochs 0; samples 200 }
              measure flops, params, accuracy, sensitivity
              expect flops <= 40%
              expect params <= 45%
            }
            """;

    @Test
    void everyFeasiblePlanMeetsTheBudgetAndTheWrittenPlanReproducesTheFlops() throws IOException {
        Path spec = spec(SEARCH);
        Run run = run(spec, JobOptions.defaults());
        JsonObject x = run.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject();
        assertEquals("complete", x.get("status").getAsString(), x.toString());
        long flops0 = x.getAsJsonObject("baseline").get("flops").getAsLong();
        long params0 = x.getAsJsonObject("baseline").get("params").getAsLong();

        JsonObject sens = x.getAsJsonObject("sensitivity");
        assertEquals(List.of("conv1", "conv2"), names(sens));
        assertEquals(200, sens.get("samples").getAsInt());
        assertTrue(sens.get("higher_is_better").getAsBoolean());

        JsonObject search = x.getAsJsonObject("search");
        assertEquals(2, search.getAsJsonArray("constraints").size());
        List<JsonObject> trials = new ArrayList<>();
        search.getAsJsonArray("trials").forEach(t -> trials.add(t.getAsJsonObject()));
        assertEquals("bisection", trials.get(0).get("stage").getAsString());
        assertEquals("winner", trials.get(trials.size() - 1).get("stage").getAsString());
        for (JsonObject t : trials) {
            boolean fits = t.get("flops").getAsDouble() <= 0.40 * flops0 && t.get("params").getAsDouble() <= 0.45 * params0;
            assertEquals(fits, t.get("feasible").getAsBoolean(), t.toString());
            if (!t.get("stage").getAsString().equals("allocation")) assertTrue(fits, "a finalist or the winner misses the budget: " + t);
        }
        JsonObject winner = trials.get(trials.size() - 1);
        assertEquals(winner.get("id").getAsInt(), search.get("chosen").getAsInt());
        assertEquals(x.getAsJsonObject("pruned").get("flops").getAsDouble(), winner.get("flops").getAsDouble());
        for (JsonElement e : x.getAsJsonArray("expectations")) {
            assertTrue(e.getAsJsonObject().get("passed").getAsBoolean(), e.toString());
        }

        // the plan written back as a plain spec: the same FLOPs by estimate and by a run
        JsonObject ratios = winner.getAsJsonArray("plan").get(0).getAsJsonObject().getAsJsonObject("ratios");
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, JsonElement> r : ratios.entrySet()) {
            lines.append(String.format(Locale.ROOT, "layer \"%s\" ratio %s%%; ", r.getKey(),
                    new java.math.BigDecimal(r.getValue().getAsDouble() * 100).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()));
        }
        String written = SEARCH.replace("ratio auto", "ratio 0%; " + lines).replaceAll("search \\{[^}]*}", "")
                .replace(", sensitivity", "").replace("experiment s", "experiment w");
        Path plain = spec(written);
        var resolved = Experiments.resolve(SpecDocument.parse(Files.readString(plain))).get(0);
        assertEquals(winner.get("flops").getAsLong(), Estimate.of(resolved).low().macs());
        Run again = run(plain, JobOptions.defaults());
        JsonObject y = again.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject();
        assertEquals(winner.get("flops").getAsLong(), y.getAsJsonObject("pruned").get("flops").getAsLong());
        assertEquals(winner.get("params").getAsLong(), y.getAsJsonObject("pruned").get("params").getAsLong());

        // one event per trial, with the planned total
        List<JsonObject> events = run.events().stream().filter(e -> e.get("event").getAsString().equals("search-trial")).toList();
        assertEquals(trials.size(), events.size());
        assertEquals(trials.size(), events.get(events.size() - 1).get("of").getAsInt(), "planned: candidates + finalists + the winner");
        assertTrue(events.stream().allMatch(e -> e.get("of").getAsInt() >= trials.size()), "never fewer than there are");
        assertTrue(trials.stream().anyMatch(t -> t.get("stage").getAsString().equals("finalist")
                && t.get("plan").equals(trials.get(0).get("plan"))), "the uniform plan is among the finalists");
        assertEquals("s", events.get(0).get("experiment").getAsString());
        assertEquals(0, events.get(0).getAsJsonObject("trial").get("id").getAsInt());
    }

    @Test
    void aSecondRunResumesFromTheStoredTrials() throws IOException {
        Path spec = spec(SEARCH);
        Run first = run(spec, JobOptions.defaults());
        Path store = spec.getParent().resolve(".titans/s/experiments/s").resolve(TrialStore.FILE);
        assertTrue(Files.isRegularFile(store), "trials are stored beside the result");
        Files.delete(spec.getParent().resolve(".titans/s/experiments/s/result.json")); // as if killed before the end
        Run second = run(spec, JobOptions.defaults());
        assertTrue(second.events().stream().anyMatch(e -> e.get("event").getAsString().equals("log")
                && e.get("message").getAsString().contains("resuming the search")), "the second run says it resumes");
        assertFalse(second.events().stream().anyMatch(e -> e.get("event").getAsString().equals("phase")
                && e.get("message").getAsString().startsWith("prune filters l1 conv1 30%")), "the sensitivity scan is not run again");
        JsonObject a = first.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject().getAsJsonObject("search");
        JsonObject b = second.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject().getAsJsonObject("search");
        assertEquals(a.get("trials").getAsJsonArray().size(), b.get("trials").getAsJsonArray().size());
        assertEquals(a.getAsJsonArray("trials").get(a.get("chosen").getAsInt()).getAsJsonObject().get("plan"),
                b.getAsJsonArray("trials").get(b.get("chosen").getAsInt()).getAsJsonObject().get("plan"));
    }

    @Test
    void aLatencyBudgetIsPricedByTheMeasuredTableAndMetAsMeasured() throws IOException {
        // a budget no load can break keeps the measured verdict stable; what the test pins is that every trial's
        // latency is the table's prediction for its plan and is judged against the budget
        Path spec = spec(SEARCH.replace("expect params <= 45%", "expect latency <= 5s\n  latency { batch 32; runs 10; threads 1 }"));
        Run run = run(spec, JobOptions.defaults());
        org.junit.jupiter.api.Assertions.assertNotNull(run.result().result(), run.events().toString());
        JsonObject x = run.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject();
        assertEquals("complete", x.get("status").getAsString(), x.toString());
        JsonObject search = x.getAsJsonObject("search");
        var table = org.tinytitans.engine.search.LatencyTable.fromJson(search.getAsJsonObject("latency_table"));
        assertEquals(32, table.batch());
        assertEquals(List.of("conv1", "conv2"), table.rows().stream().map(r -> r.layer()).toList());
        long flops0 = x.getAsJsonObject("baseline").get("flops").getAsLong();
        for (JsonElement e : search.getAsJsonArray("trials")) {
            JsonObject t = e.getAsJsonObject();
            if (t.get("stage").getAsString().equals("winner")) continue; // measured, not predicted
            Map<String, Double> ratios = new java.util.LinkedHashMap<>();
            t.getAsJsonArray("plan").get(0).getAsJsonObject().getAsJsonObject("ratios").entrySet()
                    .forEach(r -> ratios.put(r.getKey(), r.getValue().getAsDouble()));
            double predicted = table.predictMs(ratios);
            assertEquals(predicted, t.get("latency_ms").getAsDouble(), 1e-9, t.toString());
            boolean fits = t.get("flops").getAsDouble() <= 0.40 * flops0 && predicted <= 5000;
            assertEquals(fits, t.get("feasible").getAsBoolean(), t.toString());
        }
        for (JsonElement e : x.getAsJsonArray("expectations")) {
            assertTrue(e.getAsJsonObject().get("passed").getAsBoolean(), "as measured: " + e);
        }
    }

    private static List<String> names(JsonObject sens) {
        List<String> out = new ArrayList<>();
        sens.getAsJsonArray("layers").forEach(l -> out.add(l.getAsJsonObject().get("layer").getAsString()));
        return out;
    }
}
