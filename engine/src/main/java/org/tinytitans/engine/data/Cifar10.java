package org.tinytitans.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CIFAR-10 binary version (data_batch_1..5.bin, test_batch.bin: records of 1 label byte + 3072 pixel bytes,
 * R then G then B planes, so already CHW). Preprocessing is the tutorial's: x/255 minus the per-pixel mean of
 * the train set. The mean is computed from the train batches present and cached per directory, so the test
 * split is always shifted by the same mean image as train.
 */
public final class Cifar10 {
    public static final int SIDE = 32;
    public static final int PIXELS = 3 * SIDE * SIDE;
    private static final int RECORD = 1 + PIXELS;
    private static final Map<String, float[]> MEANS = new ConcurrentHashMap<>();

    private Cifar10() { }

    public static ImageSet load(Path path, Split split) {
        Path dir = resolve(path);
        float[] mean = trainMean(dir);
        List<Path> files = split == Split.TRAIN ? trainBatches(dir) : List.of(testBatch(dir));
        Raw raw = read(files);
        float[] x = new float[raw.pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (raw.pixels[i] & 0xff) / 255f - mean[i % PIXELS];
        }
        return new ImageSet("cifar10-" + split.name().toLowerCase(java.util.Locale.ROOT), x, raw.labels, 3, SIDE, SIDE, 10);
    }

    /** The per-pixel (CHW, 3072 values) mean of x/255 over the train batches present in the directory. */
    public static float[] trainMean(Path path) {
        Path dir = resolve(path);
        List<Path> batches = trainBatches(dir);
        return MEANS.computeIfAbsent(cacheKey(batches), d -> {
            Raw raw = read(batches);
            double[] sum = new double[PIXELS];
            for (int i = 0; i < raw.pixels.length; i++) {
                sum[i % PIXELS] += raw.pixels[i] & 0xff;
            }
            float[] mean = new float[PIXELS];
            int n = raw.labels.length;
            for (int j = 0; j < PIXELS; j++) {
                mean[j] = (float) (sum[j] / n / 255.0);
            }
            return mean;
        });
    }

    /** The batch files with their sizes and times: a changed or added batch gives a new mean. */
    private static String cacheKey(List<Path> batches) {
        StringBuilder key = new StringBuilder();
        for (Path p : batches) {
            try {
                key.append(p.toAbsolutePath().normalize()).append('|').append(Files.size(p)).append('|')
                        .append(Files.getLastModifiedTime(p).toMillis()).append(';');
            } catch (IOException e) {
                throw new DataException(p + ": cannot read: " + e.getMessage(), e);
            }
        }
        return key.toString();
    }

    /** Accepts the folder holding the .bin files or its parent (the archive's cifar-10-batches-bin). */
    static Path resolve(Path path) {
        if (!Files.isDirectory(path)) {
            throw new DataException("CIFAR-10 folder " + path + " does not exist");
        }
        Path inner = path.resolve("cifar-10-batches-bin");
        return Files.isDirectory(inner) ? inner : path;
    }

    static List<Path> trainBatches(Path dir) {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Path p = dir.resolve("data_batch_" + i + ".bin");
            if (Files.isRegularFile(p)) {
                files.add(p);
            }
        }
        if (files.isEmpty()) {
            throw new DataException("no data_batch_*.bin in " + dir
                    + " (the train batches are needed for the per-pixel mean, also when loading the test split)");
        }
        return files;
    }

    static Path testBatch(Path dir) {
        Path p = dir.resolve("test_batch.bin");
        if (!Files.isRegularFile(p)) {
            throw new DataException("no test_batch.bin in " + dir);
        }
        return p;
    }

    private record Raw(byte[] pixels, int[] labels) { }

    private static Raw read(List<Path> files) {
        List<byte[]> contents = new ArrayList<>();
        int records = 0;
        for (Path f : files) {
            try {
                byte[] b = Files.readAllBytes(f);
                if (b.length == 0 || b.length % RECORD != 0) {
                    throw new DataException(f + ": size " + b.length + " is not a multiple of " + RECORD
                            + " bytes (1 label + 3072 pixels); is this the CIFAR-10 binary version?");
                }
                contents.add(b);
                records += b.length / RECORD;
            } catch (IOException e) {
                throw new DataException(f + ": cannot read: " + e.getMessage(), e);
            }
        }
        byte[] pixels = new byte[records * PIXELS];
        int[] labels = new int[records];
        int r = 0;
        for (int k = 0; k < contents.size(); k++) {
            byte[] b = contents.get(k);
            for (int off = 0; off < b.length; off += RECORD, r++) {
                labels[r] = b[off] & 0xff;
                if (labels[r] > 9) {
                    throw new DataException(files.get(k) + ": label " + labels[r] + " of record " + off / RECORD + " is not in 0..9");
                }
                System.arraycopy(b, off + 1, pixels, r * PIXELS, PIXELS);
            }
        }
        return new Raw(pixels, labels);
    }
}
