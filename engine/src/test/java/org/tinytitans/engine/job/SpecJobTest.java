package org.tinytitans.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.model.ModelFile;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.train.Progress;

/** Runs real specs on the shipped MNIST sample and model, end to end, and reads what they leave on disk. */
class SpecJobTest {

    static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    Path spec(String body) throws IOException {
        String text = body.replace("$DATA", SAMPLES.resolve("data/mnist").toString())
                .replace("$MODEL", SAMPLES.resolve("models/mnist-cnn.tt").toString());
        return Files.writeString(dir.resolve("s.prune"), text);
    }

    record Run(JobResult result, List<JsonObject> events) {}

    Run run(Path spec, JobOptions options) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JobResult r = new SpecJob(spec, options, new EventWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8)), Progress.NONE).run();
        List<JsonObject> events = bytes.toString(StandardCharsets.UTF_8).lines()
                .map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        return new Run(r, events);
    }

    @Test
    void prunesMeasuresJudgesAndKeepsAReloadableModel() throws IOException {
        Path spec = spec("""
                experiment quick {
                  model mnist-cnn { weights "$MODEL" }
                  dataset mnist { path "$DATA" }
                  prune filters { criterion l1; ratio 50% }
                  measure flops, params, accuracy, latency, carbon
                  latency { batch 2; runs 5; warmup 1 }
                  expect flops <= 60%
                  expect accuracy >= 99.9%
                }
                """);
        Run run = run(spec, JobOptions.defaults());
        assertEquals(ExitCodes.FAILED_CHECK, run.result().exitCode(), "the 99.9% accuracy expect cannot hold");
        JsonObject x = run.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject();
        assertEquals("complete", x.get("status").getAsString());
        JsonObject b = x.getAsJsonObject("baseline");
        JsonObject p = x.getAsJsonObject("pruned");
        assertTrue(p.get("flops").getAsLong() < b.get("flops").getAsLong() * 0.6);
        assertTrue(b.get("accuracy").getAsDouble() > 0.9, "the shipped model is trained: " + b);
        assertTrue(p.has("latency_ms") && b.has("latency_ms"));
        for (JsonObject m : List.of(b, p)) {
            JsonObject lat = m.getAsJsonObject("latency_ms");
            assertTrue(lat.get("form").getAsString().startsWith("inference"), lat.toString());
            // achieved GMAC/s is this model's MACs per pass over its p50
            double expected = m.get("flops").getAsDouble() * lat.get("batch").getAsInt() / (lat.get("p50").getAsDouble() / 1e3) / 1e9;
            assertEquals(expected, lat.get("gmacs").getAsDouble(), 1e-9 * expected);
            assertTrue(lat.get("roofline_gmacs").getAsDouble() > 0.1, lat.toString());
            assertEquals(lat.get("gmacs").getAsDouble() / lat.get("roofline_gmacs").getAsDouble(), lat.get("of_roofline").getAsDouble(), 1e-9);
            JsonObject load = lat.getAsJsonObject("load_average");
            assertEquals(Runtime.getRuntime().availableProcessors(), load.get("cpus").getAsInt());
            assertTrue(load.has("before") && load.has("after") && load.has("busy"), load.toString());
        }
        assertTrue(p.get("carbon_g").getAsDouble() > 0);
        var verdicts = x.getAsJsonArray("expectations");
        assertTrue(verdicts.get(0).getAsJsonObject().get("passed").getAsBoolean());
        assertFalse(verdicts.get(1).getAsJsonObject().get("passed").getAsBoolean());
        assertEquals(7, verdicts.get(0).getAsJsonObject().get("line").getAsInt());

        Path root = dir.resolve(".titans/s");
        for (String f : List.of("spec.prune", "environment.json", "events.jsonl", "result.json", "report.html",
                "experiments/quick/result.json", "experiments/quick/model.tt")) {
            assertTrue(Files.isRegularFile(root.resolve(f)), f);
        }
        try (Network reloaded = ModelFile.load(root.resolve("experiments/quick/model.tt"))) {
            assertEquals(p.get("params").getAsLong(), reloaded.graph().counts().params());
        }
        assertEquals("started", run.events().get(0).get("event").getAsString());
        assertEquals("finished", run.events().get(run.events().size() - 1).get("event").getAsString());
        assertTrue(run.events().stream().anyMatch(e -> e.get("event").getAsString().equals("expect")));
        try (var stray = Files.list(root)) {
            assertTrue(stray.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void exportOnnxWritesTheModelAndOnnxRuntimeTimesBoth() throws Exception {
        Path spec = spec("""
                experiment quick {
                  model mnist-cnn { weights "$MODEL" }
                  prune filters { criterion l1; ratio 50% }
                  measure flops, latency
                  latency { batch 2; runs 5; warmup 1; runtime onnxruntime }
                  export onnx
                }
                """);
        Run run = run(spec, JobOptions.defaults());
        assertEquals(ExitCodes.OK, run.result().exitCode(), run.events().toString());
        JsonObject x = run.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject();
        for (String which : List.of("baseline", "pruned")) {
            JsonObject lat = x.getAsJsonObject(which).getAsJsonObject("latency_ms");
            assertEquals("onnxruntime", lat.get("runtime").getAsString(), which);
            assertEquals(5, lat.get("runs").getAsInt());
            assertTrue(lat.get("p50").getAsDouble() > 0 && lat.has("runtime_version"), lat.toString());
        }
        Path onnx = dir.resolve(".titans/s/experiments/quick/model.onnx");
        assertEquals("quick/model.onnx", x.get("onnx_file").getAsString());
        try (Network pruned = ModelFile.load(dir.resolve(".titans/s/experiments/quick/model.tt"))) {
            org.tinytitans.engine.onnx.OnnxExportTest.assertSameLogits(pruned, Files.createTempDirectory("onnx").resolve("again.onnx"));
            // the job's file is the pruned model: same bytes as exporting the reloaded model
            assertEquals(org.tinytitans.engine.onnx.OnnxExport.model(pruned).getGraph(),
                    org.tinytitans.engine.onnx.proto.Onnx.ModelProto.parseFrom(Files.readAllBytes(onnx)).getGraph());
        }
    }

    @Test
    void finishedPointsAreReusedAndAChangedSpecRunsAgain() throws IOException {
        String body = """
                model mnist-cnn { weights "$MODEL" }
                dataset mnist { path "$DATA" }
                measure flops, params
                experiment sweep {
                  prune filters { criterion l1, random; ratio 25% }
                }
                """;
        Path spec = spec(body);
        Run first = run(spec, JobOptions.defaults());
        assertEquals(ExitCodes.OK, first.result().exitCode());
        assertEquals(2, first.result().result().getAsJsonArray("experiments").size());
        Run second = run(spec, JobOptions.defaults());
        long reused = second.events().stream().filter(e -> e.get("event").getAsString().equals("log")
                && e.get("message").getAsString().contains("reusing")).count();
        assertEquals(2, reused);
        spec(body.replace("25%", "30%"));
        Run third = run(spec, JobOptions.defaults());
        assertTrue(third.events().stream().noneMatch(e -> e.get("event").getAsString().equals("log")
                && e.get("message").getAsString().contains("reusing")));
    }

    @Test
    void folderClassesThatAreNotTheModelsAreSaidNeverSilent() throws IOException {
        for (String folder : List.of("cat", "dog")) {
            Path png = dir.resolve("img/val/" + folder + "/a.png");
            Files.createDirectories(png.getParent());
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 50, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        }
        String body = """
                experiment e {
                  model vgg16-cifar
                  dataset imagenet { path "img"; classes 10 }
                  prune filters { criterion l1; ratio 10% }
                  measure params, accuracy
                }
                """;
        Run positional = run(spec(body), JobOptions.defaults());
        JsonObject x = positional.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject();
        assertEquals("complete", x.get("status").getAsString());
        assertTrue(x.toString().contains("2 class folders are labelled by their sorted position"), x.toString());
        assertTrue(positional.events().stream().anyMatch(e -> e.get("event").getAsString().equals("log")
                && e.get("message").getAsString().contains("sorted position")));

        // A numeric folder names its class: 12 cannot be an output of a 10-class model.
        Files.move(dir.resolve("img/val/dog"), dir.resolve("img/val/12"));
        Files.move(dir.resolve("img/val/cat"), dir.resolve("img/val/3"));
        Run numeric = run(spec(body + "# the folders changed, not the spec: a new text so the finished point is not reused\n"), JobOptions.defaults());
        assertEquals(ExitCodes.JOB_FAILED, numeric.result().exitCode());
        JsonObject failed = numeric.events().stream().filter(e -> e.get("event").getAsString().equals("failed")).findFirst().orElseThrow();
        assertTrue(failed.get("message").getAsString().contains("'12' is class 12 by numeric folder names, but the model has only 10 outputs"), failed.toString());
        assertEquals(3, failed.get("line").getAsInt(), failed.toString());
    }

    @Test
    void missingWeightsFailAtTheModelLineAndTheJobSaysSo() throws IOException {
        Path spec = spec("""
                experiment broken {
                  model mnist-cnn { weights "nope.tt" }
                  measure params
                }
                """);
        Run run = run(spec, JobOptions.defaults());
        assertEquals(ExitCodes.JOB_FAILED, run.result().exitCode());
        JsonObject failed = run.events().stream().filter(e -> e.get("event").getAsString().equals("failed")).findFirst().orElseThrow();
        assertEquals(2, failed.get("line").getAsInt());
        assertTrue(failed.get("message").getAsString().contains("nope.tt"), failed.toString());
        assertEquals("failed", run.result().result().get("status").getAsString());
    }

    @Test
    void specErrorsStopBeforeAnythingRuns() throws IOException {
        Path spec = spec("experiment a {\n  model mnist-cnn\n  prune filters { criterion l3 }\n}\n");
        Run run = run(spec, JobOptions.defaults());
        assertEquals(ExitCodes.FAILED_CHECK, run.result().exitCode());
        assertTrue(run.events().stream().anyMatch(e -> e.get("event").getAsString().equals("failed")
                && e.get("line").getAsInt() == 3));
        assertFalse(Files.exists(dir.resolve(".titans")));
    }

    @Test
    void stepRatiosReachTheTargetOverTheSteps() {
        double kept = 1;
        for (int k = 1; k <= 4; k++) {
            kept *= 1 - VisionExperiment.stepRatio(0.6, k, 4);
        }
        assertEquals(0.4, kept, 1e-12);
    }

    @Test
    void languageModelsPruneRecoverWithLoraAndJudgePerplexity() throws IOException {
        Path spec = Files.writeString(dir.resolve("lm.prune"), """
                experiment lm {
                  model tiny-lm { weights "%s" }
                  dataset text { path "%s"; samples 64; seq-len 64; tasks "%s" }
                  prune neurons { criterion wanda; ratio 50%% }
                  finetune { epochs 1; max-steps 5; lr 0.001; lora-rank 4 }
                  measure params, perplexity, accuracy
                  expect params <= 90%%
                  expect perplexity drop <= 1%%
                }
                """.formatted(SAMPLES.resolve("models/tiny-lm"), SAMPLES.resolve("data/kjv.txt"),
                        Path.of("src/test/resources/lm/kjv-hellaswag.jsonl").toAbsolutePath()));
        Run run = run(spec, JobOptions.defaults());
        JsonObject x = run.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject();
        assertEquals("complete", x.get("status").getAsString(), x.toString());
        JsonObject b = x.getAsJsonObject("baseline");
        JsonObject p = x.getAsJsonObject("pruned");
        assertTrue(p.get("params").getAsLong() < b.get("params").getAsLong());
        assertTrue(b.get("perplexity").getAsDouble() > 1 && p.get("perplexity").getAsDouble() > 1);
        // zero-shot multiple choice on hand-made items where the real ending competes with gibberish
        assertEquals(1.0, b.get("accuracy").getAsDouble(), 1e-9, b.toString());
        assertTrue(p.getAsJsonObject("zero_shot").entrySet().iterator().next().getValue().getAsJsonObject().get("n").getAsInt() > 0);
        var verdicts = x.getAsJsonArray("expectations");
        assertTrue(verdicts.get(0).getAsJsonObject().get("passed").getAsBoolean(), verdicts.toString());
        assertFalse(verdicts.get(1).getAsJsonObject().get("passed").getAsBoolean(), "half the MLP costs more than 1% perplexity");
        assertEquals("mlp", x.getAsJsonArray("layers").get(0).getAsJsonObject().get("name").getAsString());
        try (var reloaded = org.tinytitans.engine.lm.model.LanguageModels.load(dir.resolve(".titans/lm/experiments/lm/model"))) {
            assertEquals(p.get("params").getAsLong(), reloaded.paramCount());
        }
    }

    @Test
    void visionLanguageModelsDropVisualTokensAndPruneTheirDecoder() throws IOException {
        Path spec = Files.writeString(dir.resolve("vlm.prune"), """
                experiment vlm {
                  model tiny-vlm { weights "%s" }
                  dataset visual-qa { path "%s"; samples 24 }
                  prune heads { criterion magnitude; ratio 50%% }
                  prune tokens { criterion attention-received; ratio 75%%; after 2 }
                  measure flops, params, accuracy, latency
                  expect flops <= 80%%
                  expect accuracy >= 99%%
                }
                """.formatted(SAMPLES.resolve("models/tiny-vlm"), SAMPLES.resolve("data/digit-vqa.jsonl")));
        Run run = run(spec, JobOptions.defaults());
        JsonObject x = run.result().result().getAsJsonArray("experiments").get(0).getAsJsonObject();
        assertEquals("complete", x.get("status").getAsString(), x.toString());
        JsonObject b = x.getAsJsonObject("baseline");
        JsonObject p = x.getAsJsonObject("pruned");
        assertEquals(24, b.get("questions").getAsInt());
        assertEquals(49, b.get("visual_tokens_kept").getAsInt());
        assertEquals(12, p.get("visual_tokens_kept").getAsInt());
        assertTrue(p.get("params").getAsLong() < b.get("params").getAsLong(), "half the decoder's heads are gone");
        assertTrue(b.get("accuracy").getAsDouble() > 0.5, b.toString());
        assertTrue(p.getAsJsonObject("latency_ms").get("p50").getAsDouble() > 0);
        assertEquals(2, x.getAsJsonObject("tokens").get("after_layer").getAsInt());
        var verdicts = x.getAsJsonArray("expectations");
        assertTrue(verdicts.get(0).getAsJsonObject().get("passed").getAsBoolean(), verdicts.toString());
        assertFalse(verdicts.get(1).getAsJsonObject().get("passed").getAsBoolean(), "a tiny pruned model does not answer 99% right");
        try (var reloaded = org.tinytitans.engine.vit.VisionCheckpoints.load(dir.resolve(".titans/vlm/experiments/vlm/model"))) {
            assertEquals(p.get("params").getAsLong(), reloaded.paramCount());
        }
    }

    /**
     * A job is the remote end of `target ssh { gpu N }` and `target slurm { gpus N }`: there it runs on the host's
     * GPU, so on this CPU-only machine it fails with the sentence naming what was tried, at the target line.
     */
    @Test
    void remoteGpuTargetsRunOnTheHostsGpu() throws IOException {
        for (String target : List.of("target ssh \"gpu-box\" { gpu 0 }", "target slurm \"gpu\" { gpus 1 }")) {
            Run run = run(spec("experiment g {\n  model mnist-cnn { weights \"$MODEL\" }\n  measure flops\n  " + target + "\n}\n"),
                    JobOptions.defaults());
            assertEquals(ExitCodes.JOB_FAILED, run.result().exitCode(), target);
            JsonObject failed = run.events().stream().filter(e -> e.get("event").getAsString().equals("failed")).findFirst().orElseThrow();
            assertTrue(failed.get("message").getAsString().startsWith("no CUDA libtorch found for target gpu. Tried: "), failed.toString());
            assertEquals(4, failed.get("line").getAsInt(), target);
            JsonObject runtime = run.events().stream().filter(e -> e.get("event").getAsString().equals("runtime")).findFirst().orElseThrow();
            assertTrue(runtime.get("summary").getAsString().startsWith("no usable libtorch"), runtime.toString());
        }
        Run cpu = run(spec("experiment c {\n  model mnist-cnn { weights \"$MODEL\" }\n  measure flops\n  target ssh \"cpu-box\"\n}\n"),
                JobOptions.defaults());
        assertEquals(ExitCodes.OK, cpu.result().exitCode(), cpu.events().toString());
    }
}
