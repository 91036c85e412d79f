package org.tinytitans.engine.criteria;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.methods.Methods;
import org.tinytitans.engine.methods.VisionScoring;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.language.catalog.ModelFamily;

/** Each criterion on a FakeNet whose right answer is known by construction. */
class CriteriaTest {
    private static final int C = 3;
    private static final int SIDE = 6;
    private static final int N = 40;

    /** Non-negative inputs; channel 0 of every sample is a rank-2 matrix. */
    static ImageSet inputs(long seed) {
        Random r = new Random(seed);
        int plane = SIDE * SIDE;
        float[] x = new float[N * C * plane];
        for (int i = 0; i < N; i++) {
            float[] rank2 = MatrixRankTest.lowRank(SIDE, SIDE, 2, seed + i);
            System.arraycopy(rank2, 0, x, i * C * plane, plane);
            for (int k = plane; k < C * plane; k++) {
                x[i * C * plane + k] = r.nextFloat();
            }
        }
        int[] labels = new int[N];
        Arrays.setAll(labels, i -> i % 2);
        return new ImageSet("inputs", x, labels, C, SIDE, SIDE, 2);
    }

    /** Unit 0: filter 0 dead (all zero), filter 1 copies input channel 0, filter 2 mixes channels 1 and 2. */
    static FakeNet net() {
        FakeNet net = FakeNet.zeros(2, C, 2).identity(0, 1, 0).identity(0, 2, 1).identity(0, 2, 2).identity(1, 0, 2);
        net.head[0] = 2; // logits depend on every channel
        return net;
    }

    static float[][] score(String name, FakeNet net, ImageSet samples) {
        return filter(name).score(net, samples, 42, Progress.NONE);
    }

    /** A filter criterion as the registry binds it (the tutorial's double-softmax KL is not a language criterion). */
    static Criterion filter(String name) {
        return name.equals("kl-divergence-tutorial") ? Criteria.klDivergenceTutorial(Level.FILTER) : vision("filters", name);
    }

    static Criterion vision(String granularity, String name) {
        return ((VisionScoring) Methods.find(granularity, ModelFamily.RESIDUAL, name).orElseThrow()).criterion();
    }

    @Test
    void l1AndL2AreTheFilterNorms() {
        FakeNet net = FakeNet.zeros(1, C, 2);
        int per = C * 9;
        for (int f = 0; f < C; f++) {
            for (int i = 0; i < per; i++) {
                net.kernels[0][f * per + i] = (i % 2 == 0 ? 1 : -1) * (f + 1);
            }
        }
        assertArrayEquals(new float[] {27, 54, 81}, score("l1", net, null)[0], 1e-4f);
        float root = (float) Math.sqrt(27);
        assertArrayEquals(new float[] {root, 2 * root, 3 * root}, score("l2", net, null)[0], 1e-4f);
        assertFalse(filter("l1").needsData());
    }

    @Test
    void randomIsSeededAndShapedLikeTheUnits() {
        FakeNet net = net();
        float[][] a = filter("random").score(net, null, 7, Progress.NONE);
        float[][] b = filter("random").score(net, null, 7, Progress.NONE);
        float[][] c = filter("random").score(net, null, 8, Progress.NONE);
        assertEquals(2, a.length);
        assertEquals(C, a[1].length);
        assertTrue(Arrays.deepEquals(a, b));
        assertFalse(Arrays.deepEquals(a, c));
        for (float[] unit : a) {
            for (float v : unit) {
                assertTrue(v >= 0 && v < 1);
            }
        }
        assertEquals(1, vision("layers", "random").score(net, null, 7, Progress.NONE)[0].length);
    }

    @Test
    void rankOfADeadChannelIsZeroAndOfACopiedRankTwoChannelIsTwo() {
        float[][] rank = score("rank", net(), inputs(1));
        assertEquals(0f, rank[0][0]);
        assertEquals(2f, rank[0][1], 1e-6f);
        assertEquals((float) SIDE, rank[0][2], 1e-6f); // a sum of two random positive maps is full rank
    }

    @Test
    void expectedAbsIsTheMeanActivation() {
        ImageSet in = inputs(2);
        float[][] abs = score("expected-abs", net(), in);
        assertEquals(0f, abs[0][0]);
        double mean = 0;
        int plane = SIDE * SIDE;
        for (int i = 0; i < N; i++) {
            for (int k = 0; k < plane; k++) {
                mean += in.pixels()[i * C * plane + k];
            }
        }
        assertEquals(mean / (N * plane), abs[0][1], 1e-5);
    }

    @Test
    void removingADeadFilterChangesNothingSoKlAndCkaAreZero() {
        FakeNet net = net();
        ImageSet in = inputs(3);
        float[][] kl = score("kl-divergence", net, in);
        float[][] cka = score("cka", net, in);
        assertEquals(0f, kl[0][0]);
        assertEquals(0f, cka[0][0], 1e-6f);
        assertTrue(kl[0][1] > 1e-4 && kl[0][2] > 1e-4, Arrays.toString(kl[0]));
        assertTrue(cka[0][1] > 1e-4 && cka[0][2] > 1e-4, Arrays.toString(cka[0]));
        assertArrayEquals(net().kernels[0], net.kernels[0], "weights restored");
    }

    @Test
    void klZeroesTheBatchNormButCkaKeepsIt() {
        FakeNet net = net();
        net.beta[0][0] = 1.5f; // filter 0: no weights, but its BN shift makes the channel a constant 1.5
        ImageSet in = inputs(4);
        assertTrue(score("kl-divergence", net, in)[0][0] > 1e-4, "KL silences the BN too, so the constant goes");
        assertEquals(0f, score("cka", net, in)[0][0], 1e-6f);
    }

    @Test
    void klDivergenceOfAHandWorkedCase() {
        // sample 1: intact p = softmax(0, ln 3) = (1/4, 3/4), silenced q = softmax(0, 0) = (1/2, 1/2):
        // KL(q || p) = 1/2 ln(2) + 1/2 ln(2/3) = 1/2 ln(4/3); sample 2 unchanged: 0. Mean over the 2 samples: ln(4/3) / 4.
        float ln3 = (float) Math.log(3);
        float[] intact = {0, ln3, 5, -1};
        float[] silenced = {0, 0, 5, -1};
        KlDivergence kl = new KlDivergence(Level.FILTER, false);
        assertEquals(Math.log(4.0 / 3) / 4, kl.meanKl(intact, silenced, 2, 2), 1e-7);
        assertEquals(0.0, kl.meanKl(intact, intact, 2, 2), 1e-12);
    }

    @Test
    void tutorialDoubleSoftmaxShrinksKlButKeepsZero() {
        FakeNet net = net();
        ImageSet in = inputs(5);
        float[] single = score("kl-divergence", net, in)[0];
        float[] twice = score("kl-divergence-tutorial", net, in)[0];
        assertEquals(0f, twice[0]);
        assertTrue(twice[1] > 0 && twice[1] < single[1], single[1] + " vs " + twice[1]);
    }

    @Test
    void taylorSumsBatchScoresPerSample() {
        // The fake's dL/da is 1, so |sum a| over a batch summed over batches / N is expected-abs times H*W.
        ImageSet in = inputs(6);
        float[][] taylor = score("taylor", net(), in);
        float[][] abs = score("expected-abs", net(), in);
        for (int f = 0; f < C; f++) {
            assertEquals(abs[0][f] * SIDE * SIDE, taylor[0][f], 1e-3);
        }
        assertEquals(0f, taylor[0][0]);
    }

    @Test
    void aDuplicatedFilterIsFpgmLowest() {
        FakeNet net = FakeNet.zeros(1, C, 2);
        int per = C * 9;
        float[] values = {1, 1, 3};
        for (int f = 0; f < C; f++) {
            Arrays.fill(net.kernels[0], f * per, (f + 1) * per, values[f]);
        }
        float[] s = score("fpgm", net, null)[0];
        assertEquals(s[0], s[1]);
        assertTrue(s[0] < s[2]);
        assertEquals(2 * Math.sqrt(per), s[0], 1e-4);
    }

    @Test
    void layerL1SumsTheMeanFilterL1OfTheBlockConvs() {
        FakeNet net = FakeNet.zeros(2, C, 2).identity(1, 0, 0).identity(1, 1, 0).identity(1, 2, 2);
        net.kernels[1][5] = -4; // filter 0 now has L1 5
        float[][] l1 = vision("layers", "l1").score(net, null, 0, Progress.NONE);
        assertEquals(0f, l1[0][0]);
        assertEquals((5 + 1 + 1) / 3f, l1[1][0], 1e-6f);
    }

    @Test
    void layerRankAndExpectedAbsOfZeroAndConstantBlocks() {
        FakeNet net = FakeNet.zeros(2, C, 2);
        Arrays.fill(net.beta[1], 1f); // block 1 outputs relu(0 + 1) = 1 everywhere; block 0 outputs 0
        ImageSet zeros = new ImageSet("zeros", new float[N * C * SIDE * SIDE], new int[N], C, SIDE, SIDE, 2);
        float[][] rank = vision("layers", "rank").score(net, zeros, 0, Progress.NONE);
        float[][] abs = vision("layers", "expected-abs").score(net, zeros, 0, Progress.NONE);
        assertEquals(0f, rank[0][0]);
        assertEquals(1f / SIDE, rank[1][0], 1e-6f);
        assertEquals(0f, abs[0][0]);
        assertEquals(1f, abs[1][0], 1e-6f);
    }

    @Test
    void layerKlAndCkaAreZeroForABlockThatDoesNothing() {
        FakeNet net = net(); // block 1 adds input channel 2 to channel 0; block 0 does real work too
        FakeNet idle = FakeNet.zeros(2, C, 2).identity(0, 0, 1);
        idle.head[0] = 2;
        ImageSet in = inputs(7);
        float[][] kl = vision("layers", "kl-divergence").score(idle, in, 0, Progress.NONE);
        float[][] cka = vision("layers", "cka").score(idle, in, 0, Progress.NONE);
        assertTrue(kl[0][0] > 1e-4 && cka[0][0] > 1e-4);
        assertEquals(0f, kl[1][0]);
        assertEquals(0f, cka[1][0], 1e-6f);
        assertTrue(vision("layers", "cka").score(net, in, 0, Progress.NONE)[1][0] > 1e-4);
    }

    @Test
    void progressIsReportedAndMissingDataIsAClearError() {
        List<String> phases = new ArrayList<>();
        filter("cka").score(net(), inputs(8), 0, (phase, done, total, detail) -> phases.add(phase + " " + done + "/" + total));
        assertTrue(phases.contains("score cka (filters) 6/6"), phases.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> filter("rank").score(net(), null, 0, Progress.NONE));
        assertTrue(e.getMessage().contains("rank needs sample images"));
    }

    @Test
    void everyRegisteredVisionCriterionCarriesItsName() {
        for (var m : Methods.all()) {
            if (m instanceof VisionScoring s) {
                assertEquals(m.info().criterion(), s.criterion().name(), m.info().toString());
            }
        }
        assertTrue(Methods.find("layers", ModelFamily.RESIDUAL, "fpgm").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Methods.require("layers", ModelFamily.RESIDUAL, "fpgm", "resnet20"));
        assertTrue(e.getMessage().contains("'fpgm' does not apply to prune layers") && e.getMessage().contains("kl-divergence"), e.getMessage());
    }
}
