package org.tinytitans.engine.vit;

import org.tinytitans.engine.lm.model.Owned;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** A loaded vision or vision-language model: its config, its weights, and DJL arrays freed by {@link #close()}. */
public sealed interface MultimodalModel extends AutoCloseable permits VitModel, ClipModel, LlavaModel {

    MultimodalConfig config();

    /** Every stored parameter. */
    long paramCount();

    default VisionCounts counts() {
        return VisionCounts.of(config());
    }

    @Override
    void close();

    /** Images, each (channels × size × size) in CHW order, as one (B, C, H, W) array owned by {@code s}. */
    static NDArray pixels(NDManager s, VisionTower t, float[][] images) {
        int n = t.channels() * t.imageSize() * t.imageSize();
        float[] flat = new float[images.length * n];
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != n) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length + " values; this model takes "
                        + t.channels() + "x" + t.imageSize() + "x" + t.imageSize() + " = " + n);
            }
            System.arraycopy(images[i], 0, flat, i * n, n);
        }
        return Owned.floats(s, flat, new Shape(images.length, t.channels(), t.imageSize(), t.imageSize()));
    }

    /** Rows of a (rows, cols) array as Java arrays. */
    static float[][] rows(NDArray a) {
        int r = (int) a.getShape().get(0);
        int c = (int) a.getShape().get(1);
        float[] flat = a.toFloatArray();
        float[][] out = new float[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(flat, i * c, out[i], 0, c);
        }
        return out;
    }
}
