package org.tinytitans.engine.vlm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.engine.vit.LlavaModel;
import org.tinytitans.engine.vit.VisionCheckpoints;

/**
 * The shipped tiny-vlm on the shipped question file (MNIST test digits it never saw): well above the 25% of
 * guessing among four options, dense and with half its visual tokens dropped after decoder layer 2.
 */
class TinyVlmTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void answersDigitQuestionsWellAboveChanceDenseAndWithHalfTheImageTokens() throws IOException {
        try (LlavaModel m = (LlavaModel) VisionCheckpoints.load(ROOT.resolve("samples/models/tiny-vlm"))) {
            assertEquals(1_229_888, m.paramCount());
            assertEquals(49, m.config().imageTokens());
            VqaEvaluation.Items items = VqaEvaluation.Items.read(ROOT.resolve("samples/data/digit-vqa.jsonl"), 80, 1, 28);
            List<VqaEvaluation.Result> r = VqaEvaluation.run(List.of(new VqaEvaluation.Setup(m, null),
                    new VqaEvaluation.Setup(m, new TokenDrop(2, 0.5))), items, Progress.NONE);
            VqaEvaluation.Result dense = r.get(0);
            VqaEvaluation.Result dropped = r.get(1);
            assertEquals(80, dense.questions());
            assertTrue(dense.accuracy() >= 0.8, "dense accuracy " + dense.accuracy());
            assertTrue(dropped.accuracy() >= 0.75, "accuracy with half the image tokens " + dropped.accuracy());
            assertEquals(49, dense.keptTokens());
            assertEquals(25, dropped.keptTokens());
            assertTrue(dropped.macs() < 0.9 * dense.macs(), dropped.macs() + " vs " + dense.macs());
            // greedy generation after "Answer:" writes the right option (the image's digit)
            VisualQuestion q = items.questions().get(0);
            VlmGeneration.Result g = VlmGeneration.greedy(m, q.prompt(), items.images().get(0), 2);
            assertEquals(2, g.newTokens());
            assertEquals(q.continuation(q.answer()), g.text());
        }
    }
}
