package org.tinytitans.engine.model;

/** Row-major float tensors in plain Java: slicing kept indices along one axis. */
public final class Tensors {

    private Tensors() {}

    public static long size(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The entries whose index along {@code axis} is in {@code keep} (in that order). */
    public static float[] select(float[] data, long[] shape, int axis, int[] keep) {
        long outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) {
            outer *= shape[i];
        }
        for (int i = axis + 1; i < shape.length; i++) {
            inner *= shape[i];
        }
        int in = (int) inner;
        float[] out = new float[(int) (outer * keep.length * inner)];
        int pos = 0;
        for (long o = 0; o < outer; o++) {
            for (int k : keep) {
                if (k < 0 || k >= shape[axis]) {
                    throw new IllegalArgumentException("index " + k + " out of range for axis " + axis + " of size " + shape[axis]);
                }
                System.arraycopy(data, (int) ((o * shape[axis] + k) * inner), out, pos, in);
                pos += in;
            }
        }
        return out;
    }

    public static long[] withDim(long[] shape, int axis, int n) {
        long[] s = shape.clone();
        s[axis] = n;
        return s;
    }
}
