package org.tinytitans.engine.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.job.EventWriter;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.job.JobOptions;
import org.tinytitans.engine.job.JobResult;
import org.tinytitans.engine.job.SpecJob;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Diagnostic;
import org.tinytitans.language.Severity;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.CriterionInfo;
import org.tinytitans.language.catalog.GranularityInfo;
import org.tinytitans.language.catalog.ModelFamily;

/**
 * `check` and the engine agree, for a model of every family, every granularity and every criterion name the
 * language knows: a spec that checks clean runs (real models and weights, a few samples, no fine-tuning) and
 * prunes something; a rejected one is rejected at the criterion or granularity with the alternatives the engine's
 * registry holds. The expected verdict comes from the registry, never from the checker.
 */
class MethodAgreementTest {
    static final Path SAMPLES = Path.of("../samples").toAbsolutePath().normalize();
    private static final Catalog C = Catalog.get();

    @TempDir
    static Path dir;

    /** One model per family: model and dataset lines of a spec. */
    private static final Map<ModelFamily, String> MODELS = new LinkedHashMap<>();

    @BeforeAll
    static void models() throws IOException {
        MODELS.put(ModelFamily.CNN, "model mnist-cnn { weights \"" + SAMPLES.resolve("models/mnist-cnn.tt") + "\" }\n"
                + "  dataset mnist { path \"" + SAMPLES.resolve("data/mnist") + "\" }");
        MODELS.put(ModelFamily.RESIDUAL, "model resnet20\n  dataset cifar10 { path \"" + cifar(dir.resolve("cifar")) + "\" }");
        Path text = dir.resolve("text.txt");
        String kjv = Files.readString(SAMPLES.resolve("data/kjv.txt"), StandardCharsets.UTF_8);
        Files.writeString(text, kjv.substring(0, 20_000), StandardCharsets.UTF_8);
        MODELS.put(ModelFamily.LANGUAGE, "model tiny-lm { weights \"" + SAMPLES.resolve("models/tiny-lm") + "\" }\n"
                + "  dataset text { path \"" + text + "\"; seq-len 32; samples 2 }");
        MODELS.put(ModelFamily.VIT, "model tiny-vit { weights \"" + SAMPLES.resolve("models/tiny-vit") + "\" }");
        // no granularity applies to CLIP shapes yet: every combination must be rejected
        MODELS.put(ModelFamily.CLIP, "model clip-vit-b32");
        MODELS.put(ModelFamily.VLM, "model tiny-vlm { weights \"" + SAMPLES.resolve("models/tiny-vlm") + "\" }\n"
                + "  dataset visual-qa { path \"" + SAMPLES.resolve("data/digit-vqa.jsonl") + "\"; samples 2 }");
    }

    /**
     * A tiny CIFAR-10 folder in the binary format: random images of two classes only, 2 of each to train on and 1
     * to test, so a data-driven criterion scores on 2 images (1 per present class) and resnet20 runs random-initialised.
     */
    private static Path cifar(Path d) throws IOException {
        Files.createDirectories(d);
        Random r = new Random(7);
        for (String[] f : new String[][] {{"data_batch_1.bin", "4"}, {"test_batch.bin", "2"}}) {
            int n = Integer.parseInt(f[1]);
            byte[] b = new byte[n * 3073];
            r.nextBytes(b);
            for (int i = 0; i < n; i++) {
                b[i * 3073] = (byte) (i % 2);
            }
            Files.write(d.resolve(f[0]), b);
        }
        return d;
    }

    @Test
    void checkAndEngineAgreeOnEveryFamilyGranularityAndCriterion() throws IOException {
        assertEquals(Arrays.asList(ModelFamily.values()), List.copyOf(MODELS.keySet()), "every family needs a model here");
        List<String> ran = new ArrayList<>();
        int rejected = 0;
        for (Map.Entry<ModelFamily, String> model : MODELS.entrySet()) {
            for (GranularityInfo g : C.granularities()) {
                for (CriterionInfo c : C.criteria()) {
                    String where = model.getKey().key() + " " + g.name() + " " + c.name();
                    String spec = spec(model.getValue(), model.getKey(), g.name(), c.name());
                    List<Diagnostic> errors = Checker.check(SpecDocument.parse(spec)).stream()
                            .filter(d -> d.severity() == Severity.ERROR).toList();
                    boolean runs = Methods.find(g.name(), model.getKey(), c.name()).isPresent();
                    if (runs) {
                        assertEquals(List.of(), errors, where + ": the engine runs it, so check must accept it");
                        run(where, spec, g.name());
                        ran.add(where);
                    } else {
                        assertFalse(errors.isEmpty(), where + ": the engine cannot run it, so check must reject it");
                        errors.forEach(d -> namesTheAlternatives(where, spec, d, g.name(), c.name(), model.getKey()));
                        rejected++;
                    }
                }
            }
        }
        assertEquals(Methods.all().size(), ran.size(), "every registered method ran once: " + ran);
        assertTrue(rejected > 0);
    }

    /** The smallest run: one layer or half of the rest, 1 image per class or 2 calibration windows, no fine-tuning. */
    private static String spec(String model, ModelFamily family, String granularity, String criterion) {
        String amount = granularity.equals("layers") ? "count 1" : granularity.equals("tokens") ? "ratio 50%; after 1" : "ratio 50%";
        String samples = C.criterion(criterion).orElseThrow().needsData() ? "; samples " + (family == ModelFamily.LANGUAGE ? 2 : 10) : "";
        return "experiment e {\n  " + model + "\n  prune " + granularity + " { criterion " + criterion + "; " + amount + samples
                + " }\n  measure params\n}\n";
    }

    /** A rejection sits at the criterion (naming the registry's criteria for this model) or the granularity (naming its families). */
    private static void namesTheAlternatives(String where, String spec, Diagnostic d, String granularity, String criterion, ModelFamily family) {
        int atGranularity = spec.indexOf("prune " + granularity) + "prune ".length();
        int atCriterion = spec.indexOf("criterion " + criterion) + "criterion ".length();
        int at = d.range().start().offset();
        List<String> usable = Methods.all().stream().filter(m -> m.info().granularity().equals(granularity) && m.info().family() == family)
                .map(m -> m.info().criterion()).toList();
        if (at == atCriterion && !usable.isEmpty()) {
            String named = d.message().substring(d.message().lastIndexOf(": ") + 2);
            assertEquals(usable, List.of(named.split(", ")), where + ": " + d.message());
        } else if (at == atGranularity) {
            for (PruningMethod m : Methods.all()) {
                if (m.info().granularity().equals(granularity)) {
                    assertTrue(d.message().contains(m.info().family().phrase()), where + ": " + d.message() + " should name " + m.info().family().phrase());
                }
            }
        } else if (at != atCriterion) {
            fail(where + ": rejected neither at the criterion nor at the granularity: " + d.message() + " at " + at);
        }
    }

    private static void run(String where, String spec, String granularity) throws IOException {
        Path d = Files.createDirectories(dir.resolve(where.replace(' ', '-')));
        Path file = Files.writeString(d.resolve("s.prune"), spec);
        ByteArrayOutputStream events = new ByteArrayOutputStream();
        JobResult r = new SpecJob(file, JobOptions.defaults(), new EventWriter(new PrintStream(events, true, StandardCharsets.UTF_8)),
                Progress.NONE).run();
        assertEquals(ExitCodes.OK, r.exitCode(), where + " failed:\n" + events.toString(StandardCharsets.UTF_8));
        JsonObject x = r.result().getAsJsonArray("experiments").get(0).getAsJsonObject();
        // tokens change no weight: a vision transformer's work per image falls; a vision-language model's decoder
        // carries fewer visual tokens on
        String figure = !granularity.equals("tokens") ? "nonzero_params"
                : x.getAsJsonObject("baseline").has("visual_tokens_kept") ? "visual_tokens_kept" : "flops";
        long before = x.getAsJsonObject("baseline").get(figure).getAsLong();
        long after = x.getAsJsonObject("pruned").get(figure).getAsLong();
        assertTrue(after < before, where + " pruned nothing: " + before + " -> " + after);
    }
}
