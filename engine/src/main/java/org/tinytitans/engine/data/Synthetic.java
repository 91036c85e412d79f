package org.tinytitans.engine.data;

import java.util.Random;

/** Random inputs for latency-only runs, where no real data is needed: pixels ~ N(0,1), labels uniform. */
public final class Synthetic {
    private Synthetic() { }

    public static ImageSet normal(int count, int channels, int height, int width, int classes, long seed) {
        if (count < 0 || channels <= 0 || height <= 0 || width <= 0 || classes <= 0) {
            throw new IllegalArgumentException("bad synthetic shape " + count + "x" + channels + "x" + height + "x" + width
                    + " with " + classes + " classes");
        }
        Random r = new Random(seed);
        float[] x = new float[count * channels * height * width];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = r.nextInt(classes);
        }
        return new ImageSet("synthetic", x, labels, channels, height, width, classes);
    }
}
