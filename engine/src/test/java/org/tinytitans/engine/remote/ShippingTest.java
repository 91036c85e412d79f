package org.tinytitans.engine.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;

class ShippingTest {

    private static List<ExperimentRun> shipped(Path dir, String spec, Integer gpu) {
        SpecDocument doc = SpecDocument.parse(spec);
        Shipping.Found found = Shipping.references(doc, dir);
        Map<Path, String> placed = new HashMap<>();
        for (Path p : found.files()) placed.put(p, "/remote/cache/" + dir.relativize(p).toString().replace('/', '_'));
        String rewritten = Shipping.rewrite(doc, found, placed, gpu);
        SpecDocument again = SpecDocument.parse(rewritten);
        assertEquals(List.of(), again.syntaxDiagnostics(), rewritten);
        return Experiments.resolve(again);
    }

    private static void files(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/mnist-cnn.tt"), "w");
        Files.createDirectories(dir.resolve("data/mnist"));
        Files.writeString(dir.resolve("data/mnist/t10k-images-idx3-ubyte"), "x");
    }

    @Test
    void weightsAndDataPathsPointAtTheCache(@TempDir Path dir) throws IOException {
        files(dir);
        List<ExperimentRun> runs = shipped(dir, """
                experiment q {
                  model mnist-cnn { weights "models/mnist-cnn.tt" }
                  dataset mnist { path "data/mnist"; samples 100 }
                  prune filters { ratio 30%, 50% }
                  target ssh "user@gpu1" { workdir "/scratch/t"; gpu 1 }
                }
                """, 1);
        assertEquals(2, runs.size());
        for (ExperimentRun r : runs) {
            assertEquals("/remote/cache/models_mnist-cnn.tt", r.model().weights());
            assertEquals("/remote/cache/data_mnist", r.dataset().path());
            assertEquals(100, r.dataset().samples());
            assertEquals("gpu", r.target().kind());
            assertEquals(1, r.target().gpu());
        }
    }

    @Test
    void aDefaultDatasetPathThatExistsHereIsShippedToo(@TempDir Path dir) throws IOException {
        files(dir);
        assertEquals("/remote/cache/data_mnist", shipped(dir, "model mnist-cnn\ndataset mnist\ntarget slurm \"gpu\"\n", null)
                .get(0).dataset().path());
        ExperimentRun r = shipped(dir, "model mnist-cnn\ndataset mnist {\n  samples 10\n}\n", null).get(0);
        assertEquals("/remote/cache/data_mnist", r.dataset().path());
        assertEquals(10, r.dataset().samples());
        assertEquals("cpu", r.target().kind());
    }

    @Test
    void pathsThatDoNotExistHereAreLeftAsWrittenAndListed(@TempDir Path dir) {
        SpecDocument doc = SpecDocument.parse("model resnet56 { weights \"/cluster/models/r56.h5\" }\ndataset cifar10\n");
        Shipping.Found found = Shipping.references(doc, dir);
        assertEquals(List.of("/cluster/models/r56.h5"), found.missing());
        assertTrue(found.references().isEmpty());
        assertEquals(doc.text(), Shipping.rewrite(doc, found, Map.of(), null));
    }

    @Test
    void literalsEscapeQuotesAndBackslashes() {
        assertEquals("\"a\\\"b\\\\c\"", Shipping.literal("a\"b\\c"));
        assertEquals("a\"b\\c", SpecDocument.parse("model m { weights " + Shipping.literal("a\"b\\c") + " }")
                .root().statements().get(0).children().get(0).argument().orElseThrow().value());
    }

    @Test
    void stems() {
        assertEquals("quickstart", Shipping.stem(Path.of("/x/quickstart.prune")));
        assertEquals("notes.txt", Shipping.stem(Path.of("notes.txt")));
    }

    @Test
    void zeroShotTaskFilesTravelWithTheText(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lm"));
        Files.writeString(dir.resolve("lm/config.json"), "{}");
        Files.writeString(dir.resolve("kjv.txt"), "text");
        Files.writeString(dir.resolve("arc.jsonl"), "{}");
        Files.writeString(dir.resolve("piqa.jsonl"), "{}");
        List<ExperimentRun> runs = shipped(dir, "experiment a {\n  model tiny-lm { weights \"lm\" }\n"
                + "  dataset text { path \"kjv.txt\"; tasks \"arc.jsonl\", \"piqa.jsonl\" }\n  target ssh \"gpu-box\"\n}\n", null);
        assertEquals(List.of("/remote/cache/arc.jsonl", "/remote/cache/piqa.jsonl"), runs.get(0).dataset().tasks());
        assertEquals("/remote/cache/kjv.txt", runs.get(0).dataset().path());
    }
}
