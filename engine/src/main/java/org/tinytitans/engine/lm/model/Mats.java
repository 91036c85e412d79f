package org.tinytitans.engine.lm.model;

import org.tinytitans.engine.weights.Tensor;

/** Row-major 2-D slicing on plain tensors, for checkpoint mapping and physical pruning. */
public final class Mats {
    private Mats() {}

    public static int rowsOf(Tensor t) { return (int) t.shape()[0]; }

    public static int colsOf(Tensor t) { return t.shape().length == 1 ? 1 : (int) t.shape()[1]; }

    public static Tensor transpose(Tensor t) {
        int r = rowsOf(t);
        int c = colsOf(t);
        float[] v = t.values();
        float[] o = new float[v.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                o[j * r + i] = v[i * c + j];
            }
        }
        return new Tensor(new long[] {c, r}, o);
    }

    /** Rows [from, to) of a matrix. */
    public static Tensor rows(Tensor t, int from, int to) {
        int c = colsOf(t);
        float[] o = new float[(to - from) * c];
        System.arraycopy(t.values(), from * c, o, 0, o.length);
        return new Tensor(new long[] {to - from, c}, o);
    }

    /** Elements [from, to) of a vector. */
    public static Tensor slice(Tensor t, int from, int to) {
        float[] o = new float[to - from];
        System.arraycopy(t.values(), from, o, 0, o.length);
        return new Tensor(new long[] {to - from}, o);
    }

    /** The listed rows of a matrix (or elements of a vector), in the given order. */
    public static Tensor pickRows(Tensor t, int[] keep) {
        int c = colsOf(t);
        float[] o = new float[keep.length * c];
        for (int i = 0; i < keep.length; i++) {
            System.arraycopy(t.values(), keep[i] * c, o, i * c, c);
        }
        return t.shape().length == 1 ? new Tensor(new long[] {keep.length}, o) : new Tensor(new long[] {keep.length, c}, o);
    }

    /** The listed columns of a matrix. */
    public static Tensor pickCols(Tensor t, int[] keep) {
        int r = rowsOf(t);
        int c = colsOf(t);
        float[] o = new float[r * keep.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < keep.length; j++) {
                o[i * keep.length + j] = t.values()[i * c + keep[j]];
            }
        }
        return new Tensor(new long[] {r, keep.length}, o);
    }

    public static Tensor stackRows(Tensor... parts) {
        int c = colsOf(parts[0]);
        int r = 0;
        for (Tensor p : parts) {
            r += rowsOf(p);
        }
        float[] o = new float[r * c];
        int at = 0;
        for (Tensor p : parts) {
            System.arraycopy(p.values(), 0, o, at, p.values().length);
            at += p.values().length;
        }
        return new Tensor(new long[] {r, c}, o);
    }

    public static Tensor concat(Tensor... parts) {
        int n = 0;
        for (Tensor p : parts) {
            n += p.values().length;
        }
        float[] o = new float[n];
        int at = 0;
        for (Tensor p : parts) {
            System.arraycopy(p.values(), 0, o, at, p.values().length);
            at += p.values().length;
        }
        return new Tensor(new long[] {n}, o);
    }

    public static Tensor copy(Tensor t) {
        return new Tensor(t.shape().clone(), t.values().clone());
    }
}
