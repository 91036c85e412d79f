package org.tinytitans.engine.data;

/**
 * Bilinear resampling as Pillow's {@code Image.resize(size, BILINEAR)} does it (and therefore torchvision's
 * {@code Resize} on PIL images): a triangle filter whose support widens with the downscale factor, so shrinking
 * averages every source pixel instead of sampling four (antialiasing). Coefficients are computed in double,
 * normalised, rounded to fixed point with 22 fractional bits, and each pass (horizontal, then vertical) rounds
 * and clips to 8 bits, as Pillow does for 8-bit images, so results match Pillow's to the grey level.
 */
final class PilResize {

    /** Pillow's PRECISION_BITS for 8-bit images: 32 - 8 - 2, leaving room for the sum and the sign. */
    private static final int BITS = 22;

    private PilResize() {}

    /** The weights of one pass: output pixel i reads {@code size[i]} inputs from {@code start[i]}. */
    record Weights(int[] start, int[] size, int[][] fixed) {}

    static Weights weights(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filterScale; // the triangle's support is 1 pixel, widened when shrinking
        int[] start = new int[outSize];
        int[] size = new int[outSize];
        int[][] fixed = new int[outSize][];
        double inverse = 1.0 / filterScale; // multiplied, not divided: the last bit must be Pillow's
        for (int o = 0; o < outSize; o++) {
            double center = (o + 0.5) * scale;
            int lo = Math.max(0, (int) (center - support + 0.5));
            int hi = Math.min(inSize, (int) (center + support + 0.5));
            double[] w = new double[hi - lo];
            double total = 0;
            for (int i = 0; i < w.length; i++) {
                w[i] = triangle((i + lo - center + 0.5) * inverse);
                total += w[i];
            }
            int[] k = new int[w.length];
            for (int i = 0; i < w.length; i++) {
                double v = total == 0 ? w[i] : w[i] / total;
                k[i] = v < 0 ? (int) (-0.5 + v * (1 << BITS)) : (int) (0.5 + v * (1 << BITS));
            }
            start[o] = lo;
            size[o] = w.length;
            fixed[o] = k;
        }
        return new Weights(start, size, fixed);
    }

    private static double triangle(double x) {
        x = Math.abs(x);
        return x < 1.0 ? 1.0 - x : 0.0;
    }

    /** Resizes one 8-bit plane (row-major, values 0..255) from w x h to nw x nh. */
    static int[] resize(int[] plane, int w, int h, int nw, int nh) {
        int[] rows = plane;
        if (nw != w) {
            Weights k = weights(w, nw);
            rows = new int[nw * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < nw; x++) {
                    int acc = 1 << (BITS - 1);
                    int[] f = k.fixed[x];
                    int base = y * w + k.start[x];
                    for (int i = 0; i < f.length; i++) {
                        acc += plane[base + i] * f[i];
                    }
                    rows[y * nw + x] = clip8(acc);
                }
            }
        }
        if (nh == h) {
            return rows;
        }
        Weights k = weights(h, nh);
        int[] out = new int[nw * nh];
        for (int y = 0; y < nh; y++) {
            int[] f = k.fixed[y];
            for (int x = 0; x < nw; x++) {
                int acc = 1 << (BITS - 1);
                for (int i = 0; i < f.length; i++) {
                    acc += rows[(k.start[y] + i) * nw + x] * f[i];
                }
                out[y * nw + x] = clip8(acc);
            }
        }
        return out;
    }

    private static int clip8(int acc) {
        if (acc <= 0) {
            return 0;
        }
        int v = acc >> BITS;
        return Math.min(v, 255);
    }
}
