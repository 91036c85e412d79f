package org.tinytitans.engine.lm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.train.Progress;

/** Scoring: acc and acc_norm, the harness's tokenization of context + continuation, and a model that knows. */
class ZeroShotTest {
    @TempDir
    Path tmp;

    static Question question(int gold, String... options) {
        List<Choice> cs = new ArrayList<>();
        for (String o : options) {
            cs.add(new Choice("Question: pick\nAnswer:", " " + o, o));
        }
        return new Question(cs, gold);
    }

    @Test
    void accTakesTheLikeliestOptionAndAccNormTheLikeliestPerByte() {
        // "x" costs 2 nats (2 per byte), "yyyyyyyyyy" 5 nats (0.5 per byte)
        Scorer scorer = (ctx, cont) -> cont.equals(" x") ? -2.0 : -5.0;
        Accuracy a = ZeroShot.evaluate(scorer, List.of(question(0, "x", "yyyyyyyyyy"), question(1, "x", "yyyyyyyyyy")),
                "arc", Progress.NONE);
        assertEquals(2, a.n());
        assertEquals(0.5, a.acc());
        assertEquals(0.5, a.accNorm());
        assertEquals(Math.sqrt(0.25), a.accStderr(), 1e-12); // sqrt(p(1-p)/(n-1)) with n = 2
        assertEquals("arc: acc 0.5000 ± 0.5000, acc_norm 0.5000 ± 0.5000 (2 items)", a.toString());
        Accuracy first = ZeroShot.evaluate(scorer, List.of(question(0, "x", "yyyyyyyyyy")), "arc", Progress.NONE);
        assertEquals(1.0, first.acc());
        assertEquals(0.0, first.accNorm());
    }

    @Test
    void aModelThatAlwaysPredictsOneByteGetsEveryItemRightOrWrongByConstruction() throws Exception {
        Path file = tmp.resolve("arc.jsonl");
        Files.writeString(file, """
                {"question": "Which?", "choices": {"text": ["bbbb", "aaaa", "abab"], "label": ["A", "B", "C"]}, "answerKey": "B"}
                {"question": "And now?", "choices": {"text": ["aaaaaaaa", "zz"], "label": ["A", "B"]}, "answerKey": "A"}
                {"question": "Wrong key", "choices": {"text": ["aa", "cc"], "label": ["A", "B"]}, "answerKey": "B"}
                """);
        try (LanguageModel m = TinyLms.alwaysPredicts('a')) {
            // " aaaa": the space costs 20 nats in every option, then each 'a' is almost free and anything else 20
            double ll = new ModelScorer(m).logLikelihood("Question: Which?\nAnswer:", " aaaa");
            assertEquals(-20.0, ll, 1e-3);
            List<long[]> seen = new ArrayList<>();
            Accuracy a = ZeroShot.evaluate(m, file, null, 0, (phase, done, total, detail) -> seen.add(new long[] {done, total}));
            assertEquals("arc", a.task());
            assertEquals(3, a.n());
            assertEquals(2.0 / 3, a.acc(), 1e-12);
            assertEquals(2.0 / 3, a.accNorm(), 1e-12);
            assertEquals(3, seen.size());
            assertEquals(3, seen.get(2)[0]);
            assertEquals(1, ZeroShot.evaluate(m, file, "arc", 1).n());
        }
    }

    @Test
    void modelScoreIsTheSumOfTheContinuationTokensLogProbabilities() {
        try (LanguageModel m = TinyLms.random(7, 0.4f)) {
            String context = "Question: Is it?\nAnswer:";
            String continuation = " yes";
            long[] all = m.tokenizer().encode(context + continuation);
            float[][] logits = m.logits(java.util.Arrays.copyOf(all, all.length - 1));
            double want = 0;
            for (int i = all.length - 4; i < all.length; i++) {
                want += ModelScorer.logProb(logits[i - 1], (int) all[i]);
            }
            ModelScorer scorer = new ModelScorer(m);
            assertEquals(want, scorer.logLikelihood(context, continuation), 1e-4);
            // a trailing space of the context is scored as part of the continuation, as in the harness
            assertEquals(want, scorer.logLikelihood(context + " ", "yes"), 1e-9);
            assertTrue(want < 0);
        }
    }

    @Test
    void longContextsKeepTheirLastPositions() {
        try (LanguageModel m = TinyLms.random(8, 0.4f)) {
            String tail = "and this is how the story ends, after a very long time: happily ever after.\nAnswer:";
            String longContext = "x".repeat(200) + tail;
            String shorter = "y".repeat(100) + tail;
            ModelScorer scorer = new ModelScorer(m);
            // 64 positions: both keep only the last 65 tokens, all from the common tail (85 bytes) and " yes"
            assertEquals(scorer.logLikelihood(shorter, " yes"), scorer.logLikelihood(longContext, " yes"), 1e-9);
        }
    }

    @Test
    void winoGrandeScoresTheSameContinuationAfterEachFilledInPrefix() throws Exception {
        List<String> calls = new ArrayList<>();
        Scorer scorer = (ctx, cont) -> {
            calls.add(ctx + "|" + cont);
            return ctx.endsWith("trophy") ? -1 : -3;
        };
        List<Question> qs = TaskFile.read(TaskFileTest.fixture("winogrande.jsonl"), "winogrande", 0).questions();
        Accuracy a = ZeroShot.evaluate(scorer, qs.subList(1, 2), "winogrande", Progress.NONE);
        assertEquals(1.0, a.acc());
        assertEquals(List.of("The trophy doesn't fit into the brown suitcase because the trophy| is too large.",
                "The trophy doesn't fit into the brown suitcase because the suitcase| is too large."), calls);
    }
}
