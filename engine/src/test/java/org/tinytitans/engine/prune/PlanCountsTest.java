package org.tinytitans.engine.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.graph.FilterGroup;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.language.resolve.Granularity;

class PlanCountsTest {

    /** Scores = filter index, so the lowest-indexed filters go first. */
    private static List<float[]> indexScores(Graph g) {
        List<float[]> s = new ArrayList<>();
        for (FilterGroup u : FilterPlanner.units(g)) {
            float[] v = new float[u.width()];
            for (int i = 0; i < v.length; i++) {
                v[i] = i;
            }
            s.add(v);
        }
        return s;
    }

    @Test
    void roundToKeepsAMultipleOfItsFiltersAndTheLowestScoredStayRemoved() {
        Graph g = Zoo.build("resnet56");
        // 30% of 16 filters rounds to 5 removed (11 kept) -> 16 kept with round-to 8; of 32: 10 removed (22 kept)
        // -> 24 kept; of 64: 19 removed (45 kept) -> 48 kept
        Plan plain = FilterPlanner.plan(g, indexScores(g), 0.3, Scope.PER_LAYER, List.of());
        Plan rounded = FilterPlanner.plan(g, indexScores(g), 0.3, Scope.PER_LAYER, List.of(), 0, 8);
        for (FilterGroup u : FilterPlanner.units(g)) {
            int kept = rounded.after().layer(u.conv()).out();
            int planned = plain.after().layer(u.conv()).out();
            assertEquals(0, kept % 8, u.conv() + " keeps " + kept);
            assertTrue(kept >= planned && kept - planned < 8, u.conv() + ": " + planned + " -> " + kept);
        }
        assertEquals(16, rounded.after().layer("stage1.block0.conv1").out());
        assertEquals(24, rounded.after().layer("stage2.block1.conv1").out());
        assertEquals(48, rounded.after().layer("stage3.block1.conv1").out());
        assertTrue(rounded.after().counts().macs() > plain.after().counts().macs(), "rounding up keeps FLOPs");
        // the filters still removed are the lowest-scored (lowest indices here): the kept are the top ones
        int[] keptIdx = rounded.keptOut().get("stage2.block1.conv1");
        assertEquals(24, keptIdx.length);
        assertEquals(8, keptIdx[0]);
        assertEquals(31, keptIdx[23]);
        Plan half = FilterPlanner.plan(g, indexScores(g), 0.5, Scope.GLOBAL, List.of(), 0, 8);
        for (FilterGroup u : FilterPlanner.units(g)) {
            assertEquals(0, half.after().layer(u.conv()).out() % 8, u.conv());
        }
        assertEquals(plain.after().counts().macs(), FilterPlanner.plan(g, indexScores(g), 0.3, Scope.PER_LAYER, List.of(), 0, 1).after().counts().macs());
        // the estimate the editor and `estimate` show is what the plan removes
        assertEquals(rounded.after().counts(), Estimate.step(g, Granularity.FILTERS, 0.3, null, Scope.PER_LAYER, List.of(), 8).low());
        Estimate global = Estimate.step(g, Granularity.FILTERS, 0.5, null, Scope.GLOBAL, List.of(), 8);
        assertTrue(global.low().macs() <= half.after().counts().macs() && half.after().counts().macs() <= global.high().macs(),
                "the global plan lies in the estimate's range: " + global.low().macs() + " .. " + global.high().macs()
                        + " holds " + half.after().counts().macs());
    }

    @Test
    void resnet56HalfOfEveryFirstConv() {
        Graph g = Zoo.build("resnet56");
        Plan p = FilterPlanner.plan(g, indexScores(g), 0.5, Scope.PER_LAYER, List.of());
        // Saved per block: conv1 filters (+bias), their BN entries (4 each), conv2 input channels.
        //  stage1: 8*16*9+8 + 32 + 8*16*9 = 2,344 x 9                     = 21,096
        //  stage2: block0 16*16*9+16 + 64 + 16*32*9 = 6,992; 8 x 9,296      = 81,360
        //  stage3: block0 32*32*9+32 + 128 + 32*64*9 = 27,808; 8 x 37,024   = 324,000
        assertEquals(861_770 - 426_456, p.after().counts().params());
        // MACs saved: stage1 9 x 2 x 32*32*16*8*9; stages 2 and 3 each 1,769,472 + 8 x 2,359,296
        assertEquals(125_747_840 - 21_233_664 - 2 * 20_643_840, p.after().counts().macs());
        assertEquals(2128 - 9 * (8 + 16 + 32), p.after().counts().filters());
        assertArrayEquals(new int[] {8, 9, 10, 11, 12, 13, 14, 15}, p.keptOut().get("stage1.block0.conv1"));
        assertArrayEquals(p.keptOut().get("stage1.block0.conv1"), p.keptIn().get("stage1.block0.conv2"));
        assertEquals(p.after().counts(), Estimate.step(g, Granularity.FILTERS, 0.5, null, Scope.PER_LAYER, List.of()).low());
    }

    @Test
    void heResnet56HalfMatchesTheDjlProbe() {
        Graph g = Zoo.build("resnet56-he");
        Plan p = FilterPlanner.plan(g, indexScores(g), 0.5, Scope.PER_LAYER, List.of());
        assertEquals(428_074, p.after().counts().trainableParams()); // djl-facts §2: 853,018 -> 428,074
    }

    @Test
    void pythonRoundingAndOneFilterKept() {
        Graph g = Zoo.build("resnet20");
        // round(0.25*... ) uses half-to-even: 16 * 0.15625 = 2.5 -> 2 ; 32 * 0.15625 = 5 ; 64 * 0.15625 = 10
        Plan p = FilterPlanner.plan(g, indexScores(g), 0.15625, Scope.PER_LAYER, List.of());
        assertEquals(14, p.after().layer("stage1.block0.conv1").out());
        assertEquals(27, p.after().layer("stage2.block1.conv1").out());
        Plan all = FilterPlanner.plan(g, indexScores(g), 1.0, Scope.PER_LAYER, List.of());
        assertEquals(1, all.after().layer("stage3.block2.conv1").out());
    }

    @Test
    void excludeGlobsKeepMatchingLayers() {
        Graph g = Zoo.build("resnet20");
        Plan p = FilterPlanner.plan(g, indexScores(g), 0.5, Scope.PER_LAYER, List.of("stage1.*", "stage3.block2"));
        assertEquals(16, p.after().layer("stage1.block1.conv1").out());
        assertEquals(64, p.after().layer("stage3.block2.conv1").out());
        assertEquals(32, p.after().layer("stage3.block1.conv1").out());
    }

    @Test
    void globalRanksAcrossLayersAndKeepsOne() {
        Graph g = Zoo.build("resnet20");
        List<float[]> s = indexScores(g);
        java.util.Arrays.fill(s.get(0), -1f); // stage1.block0.conv1 is least important everywhere
        Plan p = FilterPlanner.plan(g, s, 0.1, Scope.GLOBAL, List.of());
        int total = 3 * 16 + 3 * 32 + 3 * 64;
        assertEquals(Math.rint(0.1 * total), p.removedFilters());
        assertEquals(1, p.after().layer("stage1.block0.conv1").out());
        Estimate e = Estimate.step(g, Granularity.FILTERS, 0.1, null, Scope.GLOBAL, List.of());
        Counts perLayer = Estimate.step(g, Granularity.FILTERS, 0.1, null, Scope.PER_LAYER, List.of()).low();
        assertTrue(e.low().macs() <= p.after().counts().macs() && p.after().counts().macs() <= e.high().macs());
        assertTrue(e.low().params() <= perLayer.params() && perLayer.params() <= e.high().params());
        assertTrue(e.low().macs() < e.high().macs());
    }

    @Test
    void tutorialScopeRemovesTenPercentOfAllFiltersLikeTheNotebook() {
        Graph g = Zoo.build("resnet110");
        Plan p = FilterPlanner.plan(g, indexScores(g), 0.1, Scope.TUTORIAL, List.of(), 1);
        // int(0.1 x 4,144) = 414 filters, all from the 2,016 prunable ones: 198 per-layer first, then a random top-up
        assertEquals(414, p.removedFilters());
        assertEquals(3_730, p.after().counts().filters());
        assertTrue(p.after().layer("stage1.block3.conv1").out() <= 14);
        Estimate e = Estimate.step(g, Granularity.FILTERS, 0.1, null, Scope.TUTORIAL, List.of());
        long params = p.after().counts().params();
        assertTrue(e.low().params() <= params && params <= e.high().params());
        // The notebook's random run landed at 1,431,092 params and 190,481,024 FLOPs: inside our range too.
        assertTrue(e.low().params() <= 1_431_092 && 1_431_092 <= e.high().params());
        assertTrue(e.low().macs() <= 190_481_024 && 190_481_024 <= e.high().macs());
    }

    @Test
    void resnet110MinusOneBlockMatchesTheNotebook() {
        Graph g = Zoo.build("resnet110");
        List<?> cands = LayerPlanner.candidates(g);
        assertEquals(51, cands.size()); // 3 x (18 - 1)
        float[] s = new float[51];
        java.util.Arrays.fill(s, 1f);
        s[4] = 0f; // stage1.block5
        Plan p = LayerPlanner.plan(g, s, null, 1, List.of());
        assertEquals(List.of("stage1.block5"), p.removedBlocks());
        Counts c = p.after().counts();
        assertEquals(1_737_994, c.params());
        assertEquals(248_431_232, c.macs());
        assertEquals(4_112, c.filters());
        assertEquals(0.019735, Math.round(c.memoryGb() * 1e6) / 1e6, 1e-9);
        assertArrayEquals(new int[] {17, 18, 18}, p.after().blocksPerStage());
    }

    @Test
    void layerRulesAndEstimates() {
        Graph g = Zoo.build("resnet32");
        assertEquals(12, LayerPlanner.candidates(g).size());
        float[] s = new float[12];
        // Every stage keeps 2 of its 5 blocks: at most 9 of the 12 candidates can go.
        assertEquals(9, LayerPlanner.plan(g, s, null, 9, List.of()).removedBlocks().size());
        var e = assertThrows(IllegalArgumentException.class, () -> LayerPlanner.plan(g, s, null, 10, List.of()));
        assertTrue(e.getMessage().contains("only 9 of the 10"), e.getMessage());
        assertEquals(6, LayerPlanner.plan(g, s, 0.5, null, List.of()).removedBlocks().size());
        Estimate one = Estimate.step(g, Granularity.LAYERS, null, 1, Scope.PER_LAYER, List.of());
        // A block costs the same MACs in every stage (2 x 4,718,592 / 2), params differ: 4,768 / 18,624 / 74,368.
        assertEquals(69_124_736 - 4_718_592, one.low().macs());
        assertTrue(one.low().macs() == one.high().macs());
        assertEquals(470_218 - 74_368, one.low().params());
        assertEquals(470_218 - 4_768, one.high().params());
    }

    @Test
    void weightEstimateCountsNonzeros() {
        Graph g = Zoo.build("resnet20");
        Estimate e = Estimate.step(g, Granularity.WEIGHTS, 0.5, null, Scope.GLOBAL, List.of());
        assertEquals(g.counts().macs(), e.low().macs());
        assertTrue(e.nonzeroParams() < g.counts().params() * 0.55 && e.nonzeroParams() > g.counts().params() * 0.45);
    }

    @Test
    void mismatchedScoresAreReported() {
        Graph g = Zoo.build("resnet20");
        var e = assertThrows(IllegalArgumentException.class, () -> FilterPlanner.plan(g, List.of(new float[3]), 0.5, Scope.PER_LAYER, List.of()));
        assertTrue(e.getMessage().contains("9 prunable convs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scope.parse("everywhere"));
    }
}
