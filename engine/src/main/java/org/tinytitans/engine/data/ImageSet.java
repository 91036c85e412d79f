package org.tinytitans.engine.data;

import java.util.Arrays;

/**
 * A labelled image set held in memory as NCHW float32, already normalised the way its model expects.
 * Plain arrays (not NDArrays) so it outlives any NDManager and can be subsampled cheaply.
 */
public record ImageSet(String name, float[] pixels, int[] labels, int channels, int height, int width, int classes) {

    public ImageSet {
        if (pixels.length != (long) labels.length * channels * height * width) {
            throw new IllegalArgumentException("pixels do not match " + labels.length + "x" + channels + "x" + height + "x" + width);
        }
    }

    public int size() { return labels.length; }

    public int imageSize() { return channels * height * width; }

    /** The images at the given indices, in that order. */
    public ImageSet subset(int[] indices) {
        int n = imageSize();
        float[] p = new float[indices.length * n];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * n, p, i * n, n);
            l[i] = labels[indices[i]];
        }
        return new ImageSet(name, p, l, channels, height, width, classes);
    }

    /** Images [from, to) as a contiguous copy, for building a batch. */
    public float[] batchPixels(int from, int to) {
        return Arrays.copyOfRange(pixels, from * imageSize(), to * imageSize());
    }
}
