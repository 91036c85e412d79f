package org.tinytitans.engine.lm.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.engine.lm.model.LmAsserts.maxDiff;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.engine.lm.model.TinyModels;
import org.tinytitans.engine.lm.model.CheckpointForwardTest;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.LanguageModels;
import org.tinytitans.engine.lm.model.Mats;
import org.tinytitans.engine.lm.model.Names;
import org.tinytitans.language.resolve.Granularity;

/** Layers, neurons and heads: physical removal where the answer is known by construction. */
class StructuredPruningTest {
    static final long[] TOKENS = CheckpointForwardTest.TOKENS;

    @TempDir
    Path tmp;

    @Test
    void anIdentityLayerHasZeroBlockInfluenceAndIsRemovedFirst() throws Exception {
        LanguageModel base = TinyModels.llama(tmp, 1);
        // layer 1 adds nothing to the residual stream: its attention and MLP outputs are zero
        LanguageModel m = TinyModels.set(TinyModels.set(base, "layers.1.o.w", TinyModels.zeros(base.tensor("layers.1.o.w"))),
                "layers.1.down.w", TinyModels.zeros(base.tensor("layers.1.down.w")));
        Calibration calib = TinyModels.calibration(m);
        double[] bi = LmPruning.blockInfluence(m, calib);
        assertEquals(0.0, bi[1], 1e-6);
        assertTrue(bi[0] > 1e-3 && bi[2] > 1e-3, java.util.Arrays.toString(bi));
        try (LanguageModel pruned = LmPruning.apply(m, Granularity.LAYERS, LmCriterion.BLOCK_INFLUENCE, 0, 1, null, calib, 42)) {
            assertEquals(2, pruned.config().layers());
            assertArrayEquals(m.tensor("layers.2.q.w").values(), pruned.tensor("layers.1.q.w").values());
            assertTrue(maxDiff(m.logits(TOKENS), pruned.logits(TOKENS)) < 1e-4);
            assertEquals(pruned.config().paramCount(), pruned.paramCount());
        }
    }

    @Test
    void randomLayerDropFollowsTheTutorialCountAndSeed() throws Exception {
        LanguageModel m = TinyModels.llama(tmp, 2);
        LanguageModel a = LmPruning.apply(m, Granularity.LAYERS, LmCriterion.RANDOM, 0.34, 0, null, null, 0);
        LanguageModel b = LmPruning.apply(m, Granularity.LAYERS, LmCriterion.RANDOM, 0.34, 0, null, null, 0);
        assertEquals(2, a.config().layers()); // int(0.34 * 3) = 1 removed
        assertEquals(a.weights(), b.weights());
        assertThrows(IllegalArgumentException.class, () -> LmPruning.apply(m, Granularity.LAYERS, LmCriterion.RANDOM, 1.0, 0, null, null, 0));
    }

    @Test
    void zeroedMlpUnitsAreRemovedByMagnitude() throws Exception {
        LanguageModel base = TinyModels.llama(tmp, 3);
        java.util.function.IntPredicate dead = i -> i % 4 == 1; // 6 of 24 units
        LanguageModel m = TinyModels.zeroCols(TinyModels.zeroRows(TinyModels.zeroRows(base, "gate", dead), "up", dead), "down", dead);
        LanguageModel pruned = LmPruning.apply(m, Granularity.NEURONS, LmCriterion.MAGNITUDE, 0.25, 0, null, null, 42);
        assertEquals(18, pruned.config().intermediate());
        assertArrayEquals(new long[] {18, 16}, pruned.tensor("layers.2.gate.w").shape());
        assertArrayEquals(new long[] {16, 18}, pruned.tensor("layers.2.down.w").shape());
        assertTrue(maxDiff(m.logits(TOKENS), pruned.logits(TOKENS)) < 1e-5);
    }

    @Test
    void wandaAndTaylorRemoveUnitsThatNeverFire() throws Exception {
        LanguageModel base = TinyModels.llama(tmp, 4);
        java.util.function.IntPredicate dead = i -> i < 6;
        // silent units: zero gate and up rows (activation 0) but large down columns, which magnitude would keep
        LanguageModel m = TinyModels.zeroRows(TinyModels.zeroRows(base, "gate", dead), "up", dead);
        java.util.Map<String, org.tinytitans.engine.weights.Tensor> w = new java.util.LinkedHashMap<>(m.weights());
        for (int l = 0; l < 3; l++) {
            org.tinytitans.engine.weights.Tensor down = Mats.copy(w.get(Names.w(Names.layer(l, "down"))));
            for (int i = 0; i < down.values().length; i++) {
                if (i % 24 < 6) {
                    down.values()[i] *= 50;
                }
            }
            w.put(Names.w(Names.layer(l, "down")), down);
        }
        m = m.with(m.config(), w);
        Calibration calib = TinyModels.calibration(m);
        for (LmCriterion criterion : new LmCriterion[] {LmCriterion.WANDA, LmCriterion.TAYLOR}) {
            LanguageModel pruned = LmPruning.apply(m, Granularity.NEURONS, criterion, 0.25, 0, null, calib, 42);
            assertEquals(18, pruned.config().intermediate());
            assertTrue(maxDiff(m.logits(TOKENS), pruned.logits(TOKENS)) < 1e-4, criterion.name());
        }
        LanguageModel byMagnitude = LmPruning.apply(m, Granularity.NEURONS, LmCriterion.MAGNITUDE, 0.25, 0, null, null, 42);
        assertTrue(maxDiff(m.logits(TOKENS), byMagnitude.logits(TOKENS)) > 1e-3, "magnitude keeps the loud silent units");
    }

    @Test
    void randomNeuronsUseSeedPlusLayerIndex() throws Exception {
        LanguageModel m = TinyModels.llama(tmp, 5);
        LanguageModel a = LmPruning.apply(m, Granularity.NEURONS, LmCriterion.RANDOM, 0.25, 0, null, null, 42);
        assertEquals(18, a.config().intermediate());
        int[] keep0 = Ranking.keepHighest(Ranking.random(24, 42), 18);
        assertArrayEquals(Mats.pickRows(m.tensor("layers.0.up.w"), keep0).values(), a.tensor("layers.0.up.w").values());
        int[] keep1 = Ranking.keepHighest(Ranking.random(24, 43), 18);
        assertArrayEquals(Mats.pickRows(m.tensor("layers.1.up.w"), keep1).values(), a.tensor("layers.1.up.w").values());
        assertNotEquals(java.util.Arrays.toString(keep0), java.util.Arrays.toString(keep1));
    }

    @Test
    void groupedQueryHeadsArePrunedWithinEachGroup() throws Exception {
        LanguageModel base = TinyModels.llama(tmp, 6);
        // 4 query heads in 2 groups ({0,1} share kv 0, {2,3} share kv 1); silence head 1 and head 2
        java.util.function.IntPredicate silent = r -> r / 4 == 1 || r / 4 == 2;
        LanguageModel m = TinyModels.zeroCols(TinyModels.zeroRows(base, "q", silent), "o", silent);
        Calibration calib = TinyModels.calibration(m);
        for (LmCriterion criterion : new LmCriterion[] {LmCriterion.MAGNITUDE, LmCriterion.TAYLOR}) {
            LanguageModel pruned = LmPruning.apply(m, Granularity.HEADS, criterion, 0.5, 0, null, calib, 42);
            assertEquals(2, pruned.config().heads());
            assertEquals(2, pruned.config().kvHeads());
            assertArrayEquals(new long[] {8, 16}, pruned.tensor("layers.0.q.w").shape());
            assertArrayEquals(new long[] {8, 16}, pruned.tensor("layers.0.k.w").shape());
            // head 3 still reads key/value head 1: the logits do not move
            assertTrue(maxDiff(m.logits(TOKENS), pruned.logits(TOKENS)) < 1e-4, criterion.name());
        }
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> LmPruning.apply(m, Granularity.HEADS, LmCriterion.RANDOM, 0.25, 0, null, null, 42));
        assertTrue(small.getMessage().contains("at least 0.5"), small.getMessage());
    }

    @Test
    void gpt2HeadsNeuronsAndLayersPruneSaveAndReload() throws Exception {
        LanguageModel m = TinyModels.gpt2(tmp.resolve("in"), 7);
        LanguageModel p = LmPruning.apply(m, Granularity.HEADS, LmCriterion.RANDOM, 0.25, 0, null, null, 1);
        p = LmPruning.apply(p, Granularity.NEURONS, LmCriterion.MAGNITUDE, 0.5, 0, null, null, 1);
        p = LmPruning.apply(p, Granularity.LAYERS, LmCriterion.MAGNITUDE, 0, 1, null, null, 1);
        assertEquals(3, p.config().heads());
        assertEquals(3, p.config().kvHeads());
        assertEquals(12, p.config().intermediate());
        assertEquals(2, p.config().layers());
        assertEquals(java.util.List.of(new LmChange("decoder", "layers", 3, 2), new LmChange("mlp", "neurons", 24, 12),
                new LmChange("attention", "heads", 4, 3), new LmChange("attention", "kv-heads", 4, 3)),
                LmChange.between(m.config(), p.config()));
        assertEquals(p.config().paramCount(), p.paramCount());
        assertTrue(p.paramCount() < m.paramCount());
        p.save(tmp.resolve("out"));
        try (LanguageModel back = LanguageModels.load(tmp.resolve("out"))) {
            assertEquals(p.config(), back.config());
            assertEquals(0.0, maxDiff(p.logits(TOKENS), back.logits(TOKENS)));
        }
    }

    @Test
    void dataDrivenCriteriaWithoutDataSaySo() throws Exception {
        LanguageModel m = TinyModels.llama(tmp, 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LmPruning.apply(m, Granularity.NEURONS, LmCriterion.WANDA, 0.25, 0, null, null, 42));
        assertEquals("criterion wanda needs calibration text (a dataset)", e.getMessage());
        IllegalArgumentException g = assertThrows(IllegalArgumentException.class,
                () -> LmPruning.apply(m, Granularity.FILTERS, LmCriterion.MAGNITUDE, 0.25, 0, null, null, 42));
        assertTrue(g.getMessage().contains("use layers, neurons, heads or weights"), g.getMessage());
    }
}
