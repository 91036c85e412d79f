package org.tinytitans.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistIdxTest {
    static final Path SHIPPED = Path.of(System.getProperty("user.dir")).resolve("../samples/data/mnist").normalize();

    static byte[] idx(int magic, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return b.toByteArray();
    }

    @Test
    void readsTheShippedSample() {
        ImageSet train = Datasets.open("mnist", SHIPPED, Split.TRAIN);
        ImageSet test = Datasets.open("mnist", SHIPPED, Split.TEST);
        assertEquals(7996, train.size());
        assertEquals(2004, test.size());
        assertEquals(1, train.channels());
        assertEquals(28, train.height());
        int[] perClass = new int[10];
        for (int label : train.labels()) {
            perClass[label]++;
        }
        assertEquals(800, perClass[0]);
        assertEquals(901, perClass[1]);
        float max = 0;
        for (float v : train.pixels()) {
            assertTrue(v >= 0 && v <= 1);
            max = Math.max(max, v);
        }
        assertEquals(1f, max);
        assertEquals(0, train.labels()[0]); // round-robin order: the first ten are 0..9
        assertEquals(9, train.labels()[9]);
    }

    @Test
    void readsPlainIdxAndScalesTo01(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(0x803, new int[] {2, 2, 2}, new byte[] {0, (byte) 255, 51, 102, 1, 2, 3, 4}));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(0x801, new int[] {2}, new byte[] {7, 3}));
        ImageSet s = MnistIdx.load(dir, Split.TRAIN);
        assertEquals(2, s.size());
        assertEquals(1f, s.pixels()[1]);
        assertEquals(0.2f, s.pixels()[2], 1e-6f);
        assertEquals(3, s.labels()[1]);
    }

    @Test
    void clearErrorsForMissingWrongAndTruncatedFiles(@TempDir Path dir) throws IOException {
        DataException missing = assertThrows(DataException.class, () -> MnistIdx.load(dir, Split.TEST));
        assertTrue(missing.getMessage().contains("no MNIST test files in " + dir), missing.getMessage());

        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(0x801, new int[] {1, 1, 1}, new byte[] {0}));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), idx(0x801, new int[] {1}, new byte[] {0}));
        DataException magic = assertThrows(DataException.class, () -> MnistIdx.load(dir, Split.TRAIN));
        assertTrue(magic.getMessage().contains("train-images-idx3-ubyte: not an idx3-ubyte image file"), magic.getMessage());

        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(0x803, new int[] {3, 2, 2}, new byte[5]));
        DataException truncated = assertThrows(DataException.class, () -> MnistIdx.load(dir, Split.TRAIN));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());

        Files.write(dir.resolve("train-images-idx3-ubyte"), idx(0x803, new int[] {2, 1, 1}, new byte[2]));
        DataException count = assertThrows(DataException.class, () -> MnistIdx.load(dir, Split.TRAIN));
        assertTrue(count.getMessage().contains("1 labels but train-images-idx3-ubyte holds 2 images"), count.getMessage());
    }
}
