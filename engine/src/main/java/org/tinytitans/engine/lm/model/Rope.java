package org.tinytitans.engine.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding in Hugging Face's Llama convention: frequencies theta^(-2i/d) for the first half
 * of the head, repeated for the second half, and {@code x*cos + rotate_half(x)*sin} with
 * {@code rotate_half(x) = [-x2, x1]}.
 */
final class Rope {
    private Rope() {}

    /** {cos, sin}, each (T, d), for positions past .. past+T-1. */
    static NDArray[] tables(NDManager s, LmConfig c, int past, int t) {
        int d = c.headDim();
        float[] cos = new float[t * d];
        float[] sin = new float[t * d];
        for (int p = 0; p < t; p++) {
            for (int i = 0; i < d / 2; i++) {
                double angle = (past + p) * freq(c, i);
                cos[p * d + i] = cos[p * d + i + d / 2] = (float) Math.cos(angle);
                sin[p * d + i] = sin[p * d + i + d / 2] = (float) Math.sin(angle);
            }
        }
        return new NDArray[] {Owned.floats(s, cos, new Shape(t, d)), Owned.floats(s, sin, new Shape(t, d))};
    }

    /** {cos, sin}, each (B, 1, T, d), for per-row positions (B, T): rows whose tokens were dropped keep their places. */
    static NDArray[] tables(NDManager s, LmConfig c, int[][] positions) {
        int d = c.headDim();
        int b = positions.length;
        int t = positions[0].length;
        float[] cos = new float[b * t * d];
        float[] sin = new float[b * t * d];
        for (int r = 0; r < b; r++) {
            for (int p = 0; p < t; p++) {
                int at = (r * t + p) * d;
                for (int i = 0; i < d / 2; i++) {
                    double angle = positions[r][p] * freq(c, i);
                    cos[at + i] = cos[at + i + d / 2] = (float) Math.cos(angle);
                    sin[at + i] = sin[at + i + d / 2] = (float) Math.sin(angle);
                }
            }
        }
        return new NDArray[] {Owned.floats(s, cos, new Shape(b, 1, t, d)), Owned.floats(s, sin, new Shape(b, 1, t, d))};
    }

    private static double freq(LmConfig c, int i) {
        double f = Math.pow(c.ropeTheta(), -2.0 * i / c.headDim());
        return c.ropeScaling() != null ? c.ropeScaling().apply(f) : f;
    }

    /** x is (B, heads, T, d). */
    static NDArray apply(NDArray x, NDArray[] cosSin) {
        long d = x.getShape().get(3);
        NDArray x1 = x.get(new NDIndex("..., 0:" + d / 2));
        NDArray x2 = x.get(new NDIndex("..., " + d / 2 + ":"));
        NDArray rotated = Transformer.concatLast(x2.neg(), x1);
        return x.mul(cosSin[0]).add(rotated.mul(cosSin[1]));
    }
}
