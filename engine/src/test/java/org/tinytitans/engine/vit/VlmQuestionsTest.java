package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.lm.model.Layout;
import org.tinytitans.engine.lm.model.LmConfig;
import org.tinytitans.engine.vlm.TokenDrop;
import org.tinytitans.engine.vlm.VisualQa;
import org.tinytitans.engine.vlm.VisualQuestion;

/**
 * Visual multiple choice on a random-init LLaVA folder with a byte-level decoder: each option's log-likelihood,
 * dense and with FastV-style token dropping, against the independent reference ({@link RefVision}), and the
 * multiply-accumulates against a hand count.
 */
class VlmQuestionsTest {
    static final VisualQuestion Q = new VisualQuestion("img", "Which?", List.of("ab", "c", "de"), 1, 1);

    @TempDir
    static Path tmp;
    static LlavaConfig c;
    static RefVision ref;
    static float[] image;

    /** 3 vision layers of which 2 run, 8x8 images in 2x2 patches (16 image tokens), a 3-layer GQA decoder over bytes. */
    @BeforeAll
    static void folder() throws IOException {
        c = new LlavaConfig(new VisionTower(new EncoderConfig(16, 3, 4, 32, 1e-5, Act.QUICK_GELU), 8, 2, 3, true),
                new LmConfig(Layout.LLAMA, 256, 16, 3, 4, 2, 4, 24, 256, 1e-5, 10000.0, false), 2, Act.GELU, true, 0, -2, true);
        var tensors = TinyVision.llavaTensors(c, 5, false);
        TinyVision.write(tmp, c, tensors, "F32");
        ref = new RefVision(tensors);
        image = TinyVision.image(c.vision(), 3);
    }

    @Test
    void optionsScoreAsTheReferenceSaysDenseAndWithTokensDropped() throws IOException {
        try (LlavaModel m = (LlavaModel) VisionCheckpoints.load(tmp)) {
            int promptLength = m.expand(m.encode(Q.prompt()), 1).length;
            VisualQa.Scored dense = VisualQa.score(m, Q, image, null);
            VisualQa.Scored none = VisualQa.score(m, Q, image, new TokenDrop(1, 0));
            VisualQa.Scored half = VisualQa.score(m, Q, image, new TokenDrop(1, 0.5));
            assertEquals(16, dense.imageTokens());
            assertEquals(16, dense.keptTokens());
            assertEquals(8, half.keptTokens());
            for (int i = 0; i < Q.choices().size(); i++) {
                long[] ids = m.encode(Q.prompt() + Q.continuation(i));
                long[] expanded = m.expand(ids, 1);
                double want = logLikelihood(ref.llavaLogits(c, ids, new float[][] {image}), expanded, promptLength, null);
                assertEquals(want, dense.logLikelihoods()[i], 1e-3, "option " + i);
                assertEquals(dense.logLikelihoods()[i], none.logLikelihoods()[i], 1e-5, "dropping nothing changes nothing");
                List<Integer> kept = new ArrayList<>();
                double[][] dropped = ref.llavaLogits(c, ids, new float[][] {image}, 1, 8, promptLength, kept);
                assertEquals(expanded.length - 8, kept.size());
                double wantDropped = logLikelihood(dropped, expanded, promptLength, kept);
                assertEquals(wantDropped, half.logLikelihoods()[i], 1e-3, "option " + i + " with half the image tokens dropped");
                assertNotEquals(dense.logLikelihoods()[i], half.logLikelihoods()[i], 1e-4);
            }
            // per question: tower + projector once, then per option (3 rows, padded to the longest) the decoder and head
            int width = m.expand(m.encode(Q.prompt() + Q.continuation(0)), 1).length - 1;
            long tower = VisionCounts.of(c).visionMacs();
            assertEquals(tower + 3 * (decoder(c.text(), width, 3) + (long) width * 256 * 16), dense.macs());
            assertEquals(tower + 3 * (decoder(c.text(), width, 1) + decoder(c.text(), width - 8, 2) + (long) (width - 8) * 256 * 16),
                    half.macs());
            assertTrue(half.macs() < dense.macs());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VisualQa.score(m, Q, image, new TokenDrop(3, 0.5)));
            assertEquals("tokens are dropped after decoder layer 3, but the decoder has 3 layers; use 1 to 2", e.getMessage());
        }
    }

    @Test
    void aSavedFolderLoadsBackWithTheSameLogits() throws IOException {
        Path again = tmp.resolve("saved");
        try (LlavaModel m = (LlavaModel) VisionCheckpoints.load(tmp)) {
            LlavaCheckpoint.save(m, again, "F32");
            try (LlavaModel back = (LlavaModel) VisionCheckpoints.load(again)) {
                long[] ids = m.encode(Q.prompt());
                float[][] a = m.logits(ids, new float[][] {image});
                float[][] b = back.logits(ids, new float[][] {image});
                for (int i = 0; i < a.length; i++) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(a[i], b[i], 0f);
                }
                assertEquals(m.paramCount(), back.paramCount());
            }
        }
    }

    /** Hand count: per token and layer q/k/v/o, the SwiGLU MLP, and scores plus weighted sum over the earlier positions. */
    private static long decoder(LmConfig t, int tokens, int layers) {
        long sum = 0;
        long qd = (long) t.heads() * t.headDim();
        long kv = (long) t.kvHeads() * t.headDim();
        for (int i = 0; i < tokens; i++) {
            sum += t.hidden() * (qd + 2 * kv) + qd * t.hidden() + 3L * t.hidden() * t.intermediate() + 2 * qd * i;
        }
        return sum * layers;
    }

    /** Sum of log softmax of the continuation's tokens; {@code kept} maps rows of {@code logits} to positions. */
    private static double logLikelihood(double[][] logits, long[] ids, int promptLength, List<Integer> kept) {
        double sum = 0;
        for (int p = promptLength; p < ids.length; p++) {
            double[] row = logits[kept == null ? p - 1 : kept.indexOf(p - 1)];
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v);
            }
            double z = 0;
            for (double v : row) {
                z += Math.exp(v - max);
            }
            sum += row[(int) ids[p]] - max - Math.log(z);
        }
        return sum;
    }
}
