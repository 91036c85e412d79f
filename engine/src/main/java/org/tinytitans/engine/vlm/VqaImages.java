package org.tinytitans.engine.vlm;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.MnistIdx;

/**
 * The images a question file names, as float CHW arrays in [0, 1] (x/255, the normalisation the shipped MNIST
 * models are trained with). IDX files are read once and kept; an image must already have the model's size.
 */
public final class VqaImages {
    private final Path base;
    private final int channels;
    private final int size;
    private final Map<Path, ImageSet> idx = new HashMap<>();

    /** Paths are relative to {@code base}; images must be channels × size × size. */
    public VqaImages(Path base, int channels, int size) {
        this.base = base;
        this.channels = channels;
        this.size = size;
    }

    public float[] load(VisualQuestion q, Path file) throws IOException {
        String ref = q.image();
        int hash = ref.lastIndexOf('#');
        String where = file + ":" + q.line() + ": image '" + ref + "': ";
        if (hash >= 0) {
            Path p = base.resolve(ref.substring(0, hash)).normalize();
            int n;
            try {
                n = Integer.parseInt(ref.substring(hash + 1));
            } catch (NumberFormatException e) {
                throw new IOException(where + "the part after # is the image's index in the IDX file");
            }
            ImageSet set = idx.get(p);
            if (set == null) {
                if (!Files.isRegularFile(p)) {
                    throw new IOException(where + "no file " + p);
                }
                String name = p.getFileName().toString();
                Path labels = p.resolveSibling(name.replace("images-idx3", "labels-idx1"));
                try {
                    set = MnistIdx.load(p, labels, name);
                } catch (RuntimeException e) {
                    throw new IOException(where + e.getMessage(), e);
                }
                idx.put(p, set);
            }
            if (n < 0 || n >= set.size()) {
                throw new IOException(where + "index " + n + " is outside the file's " + set.size() + " images");
            }
            check(where, set.channels(), set.height(), set.width());
            return set.batchPixels(n, n + 1);
        }
        Path p = base.resolve(ref).normalize();
        BufferedImage img = Files.isRegularFile(p) ? ImageIO.read(p.toFile()) : null;
        if (img == null) {
            throw new IOException(where + (Files.isRegularFile(p) ? "not a PNG or JPEG image" : "no file " + p));
        }
        check(where, channels, img.getHeight(), img.getWidth());
        float[] out = new float[channels * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = img.getRGB(x, y);
                int[] c = {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
                for (int ch = 0; ch < channels; ch++) {
                    float v = channels == 1 ? (c[0] * 0.299f + c[1] * 0.587f + c[2] * 0.114f) : c[ch];
                    out[(ch * size + y) * size + x] = v / 255f;
                }
            }
        }
        return out;
    }

    private void check(String where, int c, int h, int w) throws IOException {
        if (c != channels || h != size || w != size) {
            throw new IOException(where + "is " + c + "x" + h + "x" + w + "; the model takes " + channels + "x" + size + "x" + size
                    + " (no resizing is done)");
        }
    }
}
