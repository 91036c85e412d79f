package org.tinytitans.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10Test {

    /** Records whose pixels are all {@code value[i]}, with labels {@code labels[i]}. */
    static byte[] batch(int[] labels, int[] values) {
        byte[] b = new byte[labels.length * (1 + Cifar10.PIXELS)];
        for (int i = 0; i < labels.length; i++) {
            int off = i * (1 + Cifar10.PIXELS);
            b[off] = (byte) labels[i];
            java.util.Arrays.fill(b, off + 1, off + 1 + Cifar10.PIXELS, (byte) values[i]);
        }
        return b;
    }

    @Test
    void subtractsThePerPixelTrainMeanFromTrainAndTest(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        byte[] first = batch(new int[] {1, 2, 3}, new int[] {0, 51, 102});
        first[1 + 5] = (byte) 255; // record 0, pixel 5 (red plane) differs from the rest
        Files.write(bin.resolve("data_batch_1.bin"), first);
        Files.write(bin.resolve("data_batch_3.bin"), batch(new int[] {9}, new int[] {153}));
        Files.write(bin.resolve("test_batch.bin"), batch(new int[] {4, 5}, new int[] {51, 255}));

        float[] mean = Cifar10.trainMean(dir);
        assertEquals((0 + 51 + 102 + 153) / 4f / 255f, mean[0], 1e-6f);
        assertEquals((255 + 51 + 102 + 153) / 4f / 255f, mean[5], 1e-6f);

        ImageSet train = Datasets.open("cifar10", dir, Split.TRAIN);
        assertEquals(4, train.size());
        assertEquals(9, train.labels()[3]);
        assertEquals(3, train.channels());
        assertEquals(0.6f - mean[7], train.pixels()[3 * Cifar10.PIXELS + 7], 1e-6f);

        ImageSet test = Datasets.open("cifar10", dir, Split.TEST);
        assertEquals(2, test.size());
        assertEquals(1f - mean[5], test.pixels()[Cifar10.PIXELS + 5], 1e-6f);
        assertEquals(5, test.labels()[1]);
    }

    @Test
    void namesWhatIsMissing(@TempDir Path dir) throws IOException {
        DataException none = assertThrows(DataException.class, () -> Cifar10.load(dir, Split.TEST));
        assertTrue(none.getMessage().startsWith("no data_batch_*.bin in " + dir), none.getMessage());

        Files.write(dir.resolve("data_batch_1.bin"), batch(new int[] {1}, new int[] {0}));
        DataException test = assertThrows(DataException.class, () -> Cifar10.load(dir, Split.TEST));
        assertEquals("no test_batch.bin in " + dir, test.getMessage());

        Files.write(dir.resolve("data_batch_2.bin"), new byte[100]);
        DataException size = assertThrows(DataException.class, () -> Cifar10.load(dir.resolve("."), Split.TRAIN));
        assertTrue(size.getMessage().contains("data_batch_2.bin: size 100 is not a multiple of 3073"), size.getMessage());

        assertThrows(DataException.class, () -> Cifar10.load(dir.resolve("absent"), Split.TRAIN));
    }
}
