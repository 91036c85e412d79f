package org.tinytitans.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SubsampleTest {

    /** Image i has every pixel equal to i, so a subset shows which images it took. */
    static ImageSet indexed(int[] labels, int classes) {
        float[] x = new float[labels.length * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = i / 4;
        }
        return new ImageSet("indexed", x, labels, 1, 2, 2, classes);
    }

    @Test
    void drawsNPerClassWithoutReplacementSeeded() {
        int[] labels = new int[60];
        Arrays.setAll(labels, i -> i < 40 ? i % 2 : 2); // 20 of class 0, 20 of class 1, 20 of class 2
        ImageSet set = indexed(labels, 3);
        ImageSet a = Subsample.stratified(set, 5, 1);
        int[] perClass = new int[3];
        for (int l : a.labels()) {
            perClass[l]++;
        }
        assertArrayEquals(new int[] {5, 5, 5}, perClass);
        float[] taken = new float[a.size()];
        for (int i = 0; i < a.size(); i++) {
            taken[i] = a.pixels()[i * 4];
            assertEquals(set.labels()[(int) taken[i]], a.labels()[i], "pixels and labels stay together");
        }
        java.util.Set<Float> distinct = new java.util.HashSet<>();
        for (float t : taken) {
            distinct.add(t);
        }
        assertEquals(a.size(), distinct.size(), "without replacement");
        assertArrayEquals(a.pixels(), Subsample.stratified(set, 5, 1).pixels());
        assertFalse(Arrays.equals(a.pixels(), Subsample.stratified(set, 5, 2).pixels()));
    }

    @Test
    void smallClassesGiveAllTheyHave() {
        ImageSet set = indexed(new int[] {0, 0, 0, 1}, 2);
        assertEquals(3, Subsample.stratified(set, 2, 0).size());
        assertThrows(IllegalArgumentException.class, () -> Subsample.stratified(set, 0, 0));
    }

    @Test
    void syntheticAndUnknownKinds() {
        ImageSet s = Datasets.synthetic(6, 3, 4, 5, 10, 9);
        assertEquals(6 * 3 * 4 * 5, s.pixels().length);
        assertArrayEquals(s.pixels(), Datasets.synthetic(6, 3, 4, 5, 10, 9).pixels());
        assertTrue(Arrays.stream(s.labels()).allMatch(l -> l >= 0 && l < 10));
        DataException e = assertThrows(DataException.class, () -> Datasets.open("svhn", Path.of("x"), Split.TRAIN));
        assertEquals("unknown dataset kind 'svhn' (known: mnist, cifar10, folders, synthetic)", e.getMessage());
        DataException missing = assertThrows(DataException.class, () -> Datasets.open("mnist", Path.of("no/such/dir"), Split.TRAIN));
        assertTrue(missing.getMessage().contains("no/such/dir"));
        assertEquals(Split.TEST, Split.parse("val"));
    }
}
