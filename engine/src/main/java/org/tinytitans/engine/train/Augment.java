package org.tinytitans.engine.train;

import java.util.Random;

/** The tutorial's CIFAR augmentation on CHW float images: zero-pad 4, random crop back to size, 50% h-flip. */
public final class Augment {
    public static final int PAD = 4;

    private Augment() { }

    /** Augments {@code count} consecutive CHW images of {@code src} into {@code dst} (same layout). */
    public static void padCropFlip(float[] src, float[] dst, int count, int channels, int height, int width,
                                   boolean flip, Random r) {
        int plane = height * width;
        int image = channels * plane;
        for (int n = 0; n < count; n++) {
            int dy = r.nextInt(2 * PAD + 1) - PAD;
            int dx = r.nextInt(2 * PAD + 1) - PAD;
            boolean mirror = flip && r.nextBoolean();
            shift(src, dst, n * image, channels, height, width, dy, dx, mirror);
        }
    }

    /** out[c,y,x] = in[c, y+dy, x'+dx] with x' = x or its mirror, 0 outside the image (the zero padding). */
    static void shift(float[] src, float[] dst, int offset, int channels, int height, int width, int dy, int dx,
                      boolean mirror) {
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            int base = offset + c * plane;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                for (int x = 0; x < width; x++) {
                    int sx = (mirror ? width - 1 - x : x) + dx;
                    dst[base + y * width + x] = sy < 0 || sy >= height || sx < 0 || sx >= width
                            ? 0f : src[base + sy * width + sx];
                }
            }
        }
    }
}
