package org.tinytitans.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ScheduleAndAugmentTest {

    @Test
    void tutorialStepScheduleDropsAtOneHundredAndOneFifty() {
        LrSchedule s = new LrSchedule(TrainConfig.tutorial());
        assertEquals(0.01, s.at(0), 1e-12);
        assertEquals(0.01, s.at(99.9), 1e-12);
        assertEquals(0.001, s.at(100), 1e-12);
        assertEquals(0.0001, s.at(150.5), 1e-12);
    }

    @Test
    void warmUpRampsLinearlyThenCosineAnnealsToZero() {
        TrainConfig c = TrainConfig.tutorial().withEpochs(12).withSchedule(TrainConfig.Schedule.COSINE, 2, null, 0);
        LrSchedule s = new LrSchedule(c);
        assertEquals(0.005, s.at(1), 1e-12);
        assertEquals(0.01, s.at(2), 1e-12);
        assertEquals(0.005, s.at(7), 1e-12);
        assertEquals(0, s.at(12), 1e-12);
        assertTrue(s.at(0) > 0, "the first batch of a warm-up still moves");
    }

    @Test
    void shiftPadsWithZerosAndMirrors() {
        float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] out = new float[9];
        Augment.shift(in, out, 0, 1, 3, 3, 1, 0, false);
        assertArrayEquals(new float[] {4, 5, 6, 7, 8, 9, 0, 0, 0}, out);
        Augment.shift(in, out, 0, 1, 3, 3, 0, -1, false);
        assertArrayEquals(new float[] {0, 1, 2, 0, 4, 5, 0, 7, 8}, out);
        Augment.shift(in, out, 0, 1, 3, 3, 0, 0, true);
        assertArrayEquals(new float[] {3, 2, 1, 6, 5, 4, 9, 8, 7}, out);
    }

    @Test
    void cropOnlyNeverMirrorsAndKeepsMostPixels() {
        int side = 32;
        float[] in = new float[2 * side * side];
        for (int i = 0; i < in.length; i++) {
            in[i] = 1 + i % side; // each row counts 1..32 left to right
        }
        float[] out = new float[in.length];
        Random r = new Random(3);
        for (int trial = 0; trial < 20; trial++) {
            Augment.padCropFlip(in, out, 2, 1, side, side, false, r);
            int zeros = 0;
            for (int i = 0; i < side * side; i++) {
                if (out[i] == 0) {
                    zeros++;
                } else if (i % side > 0 && out[i - 1] != 0) {
                    assertEquals(out[i - 1] + 1, out[i], "rows still increase: no mirror");
                }
            }
            assertTrue(zeros <= side * side - 24 * 24, "at most 4 rows and 4 columns of padding");
        }
    }

    @Test
    void configRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.tutorial().withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> TrainConfig.tutorial().withOptimizer(TrainConfig.OptimizerKind.SGD, 0, 0, false, 0));
        assertThrows(IllegalArgumentException.class, () -> new Distillation(null, 1, 0.5));
    }
}
