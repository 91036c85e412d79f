package org.tinytitans.engine.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.language.resolve.Pattern;

class WeightPruningTest {

    private static Network net() {
        return Network.create(Zoo.build("resnet20"), 3);
    }

    @Test
    void perLayerMagnitudeZeroesTheSmallestHalfOfEachKernel() {
        try (Network net = net(); Network ref = net()) {
            long nonzeroBefore = net.nonzeroParams();
            WeightPruning.Result r = WeightPruning.apply(net, WeightPruning.Rule.MAGNITUDE, 0.5, Scope.PER_LAYER, null, List.of(), 0);
            for (String t : WeightPruning.targets(net, List.of())) {
                float[] before = ref.get(t), after = net.get(t);
                float maxGone = 0, minKept = Float.MAX_VALUE;
                int zeros = 0;
                for (int i = 0; i < after.length; i++) {
                    if (after[i] == 0f) {
                        zeros++;
                        maxGone = Math.max(maxGone, Math.abs(before[i]));
                    } else {
                        assertEquals(before[i], after[i]);
                        minKept = Math.min(minKept, Math.abs(before[i]));
                    }
                }
                assertEquals(Math.rint(0.5 * after.length), zeros, t);
                assertTrue(maxGone <= minKept, t);
            }
            assertEquals(0.5, r.sparsity(), 1e-3);
            assertEquals(nonzeroBefore - r.zeroed(), r.nonzeroParams());
            assertArrayEquals(ref.get("stage1.block0.bn1.gamma"), net.get("stage1.block0.bn1.gamma"));
        }
    }

    @Test
    void globalReachesTheRatioOverAllKernelsAndHonoursExclude() {
        try (Network net = net()) {
            float[] fc = net.get("fc.weight");
            WeightPruning.Result r = WeightPruning.apply(net, WeightPruning.Rule.MAGNITUDE, 0.3, Scope.GLOBAL, null, List.of("fc"), 0);
            assertEquals(Math.rint(0.3 * r.total()), r.zeroed());
            assertArrayEquals(fc, net.get("fc.weight"));
            long convKernels = net.graph().convs().stream().mapToLong(WeightPruning::kernelSize).sum();
            assertEquals(convKernels, r.total()); // fc excluded, biases and BN never pruned
        }
    }

    @Test
    void twoFourPatternKeepsTwoOfEveryFourInputChannels() {
        try (Network net = net()) {
            WeightPruning.Result r = WeightPruning.apply(net, WeightPruning.Rule.MAGNITUDE, 0, Scope.PER_LAYER, new Pattern(2, 4), List.of(), 0);
            assertEquals(List.of("stem.conv.weight"), r.skipped()); // 3 input channels do not tile by 4
            assertEquals(0.5, r.sparsity(), 1e-12);
            float[] w = net.get("stage2.block1.conv1.weight"); // (32, 32, 3, 3)
            for (int o = 0; o < 32; o++) {
                for (int p = 0; p < 9; p++) {
                    for (int g = 0; g < 32; g += 4) {
                        int nonzero = 0;
                        for (int j = 0; j < 4; j++) {
                            nonzero += w[(o * 32 + g + j) * 9 + p] != 0f ? 1 : 0;
                        }
                        assertEquals(2, nonzero);
                    }
                }
            }
        }
    }

    @Test
    void randomIsReproducibleForASeed() {
        try (Network a = net(); Network b = net()) {
            assertArrayEquals(a.get("stage1.block1.conv2.weight"), b.get("stage1.block1.conv2.weight"));
            WeightPruning.apply(a, WeightPruning.Rule.RANDOM, 0.4, Scope.GLOBAL, null, List.of(), 9);
            WeightPruning.apply(b, WeightPruning.Rule.RANDOM, 0.4, Scope.GLOBAL, null, List.of(), 9);
            assertArrayEquals(a.get("stage3.block2.conv1.weight"), b.get("stage3.block2.conv1.weight"));
        }
        assertThrows(IllegalArgumentException.class, () -> new Pattern(4, 2));
    }
}
