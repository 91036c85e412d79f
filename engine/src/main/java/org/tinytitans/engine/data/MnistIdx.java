package org.tinytitans.engine.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * MNIST in the IDX format (idx3-ubyte images, idx1-ubyte labels), plain or gzip'd. Pixels become x/255 in
 * [0,1], shape (N,1,28,28): the tutorial has no MNIST model, so the plainest normalisation is used.
 */
public final class MnistIdx {
    private static final int IMAGE_MAGIC = 0x00000803;
    private static final int LABEL_MAGIC = 0x00000801;

    private MnistIdx() { }

    /** Loads {@code <dir>/<train|t10k|test>-images-idx3-ubyte[.gz]} and the matching labels. */
    public static ImageSet load(Path dir, Split split) {
        String[] prefixes = split == Split.TRAIN ? new String[] {"train"} : new String[] {"test", "t10k"};
        for (String prefix : prefixes) {
            Path images = find(dir, prefix + "-images-idx3-ubyte");
            Path labels = find(dir, prefix + "-labels-idx1-ubyte");
            if (images != null && labels != null) {
                return load(images, labels, "mnist-" + split.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        throw new DataException("no MNIST " + split.name().toLowerCase(java.util.Locale.ROOT) + " files in " + dir
                + " (expected " + prefixes[0] + "-images-idx3-ubyte[.gz] and " + prefixes[0] + "-labels-idx1-ubyte[.gz])");
    }

    public static ImageSet load(Path imagesFile, Path labelsFile, String name) {
        byte[] pixels;
        int rows;
        int cols;
        int count;
        try (DataInputStream in = open(imagesFile)) {
            int magic = in.readInt();
            if (magic != IMAGE_MAGIC) {
                throw new DataException(imagesFile + ": not an idx3-ubyte image file (magic 0x" + Integer.toHexString(magic) + ")");
            }
            count = in.readInt();
            rows = in.readInt();
            cols = in.readInt();
            if (count < 0 || rows <= 0 || cols <= 0 || (long) count * rows * cols > Integer.MAX_VALUE) {
                throw new DataException(imagesFile + ": bad dimensions " + count + "x" + rows + "x" + cols);
            }
            pixels = new byte[count * rows * cols];
            in.readFully(pixels);
        } catch (EOFException e) {
            throw new DataException(imagesFile + ": truncated (fewer pixels than its header says)", e);
        } catch (IOException e) {
            throw new DataException(imagesFile + ": cannot read: " + e.getMessage(), e);
        }
        int[] labels;
        try (DataInputStream in = open(labelsFile)) {
            int magic = in.readInt();
            if (magic != LABEL_MAGIC) {
                throw new DataException(labelsFile + ": not an idx1-ubyte label file (magic 0x" + Integer.toHexString(magic) + ")");
            }
            int n = in.readInt();
            if (n != count) {
                throw new DataException(labelsFile + ": " + n + " labels but " + imagesFile.getFileName() + " holds " + count + " images");
            }
            byte[] raw = new byte[n];
            in.readFully(raw);
            labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = raw[i] & 0xff;
                if (labels[i] > 9) {
                    throw new DataException(labelsFile + ": label " + labels[i] + " at index " + i + " is not a digit");
                }
            }
        } catch (EOFException e) {
            throw new DataException(labelsFile + ": truncated (fewer labels than its header says)", e);
        } catch (IOException e) {
            throw new DataException(labelsFile + ": cannot read: " + e.getMessage(), e);
        }
        float[] x = new float[pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (pixels[i] & 0xff) / 255f;
        }
        return new ImageSet(name, x, labels, 1, rows, cols, 10);
    }

    private static Path find(Path dir, String base) {
        for (Path p : new Path[] {dir.resolve(base), dir.resolve(base + ".gz")}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new DataInputStream(in);
    }
}
