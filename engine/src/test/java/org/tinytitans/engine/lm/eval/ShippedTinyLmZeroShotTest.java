package org.tinytitans.engine.lm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.LanguageModels;

/**
 * The shipped byte-level model (trained on the Old Testament) on hand-made New Testament items in HellaSwag's
 * format: the real ending against one with the same length in unpronounceable letters. A model that learned
 * English spelling gets them all; a broken scorer (wrong offsets, wrong sign) would not.
 */
class ShippedTinyLmZeroShotTest {
    @Test
    void theTrainedSampleModelPrefersRealEnglishEndings() throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../samples/models/tiny-lm").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("model.safetensors")), "shipped tiny-lm absent");
        try (LanguageModel model = LanguageModels.load(dir)) {
            Accuracy a = ZeroShot.evaluate(model, TaskFileTest.fixture("kjv-hellaswag.jsonl"), "auto", 0);
            assertEquals("hellaswag", a.task());
            assertEquals(6, a.n());
            assertEquals(1.0, a.acc(), a.toString());
            assertEquals(1.0, a.accNorm(), a.toString());
        }
    }
}
