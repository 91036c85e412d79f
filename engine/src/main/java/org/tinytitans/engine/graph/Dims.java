package org.tinytitans.engine.graph;

/** A per-sample activation shape in channels-first order; dense outputs are (units, 1, 1). */
public record Dims(int c, int h, int w) {

    public long size() { return (long) c * h * w; }

    @Override
    public String toString() { return h == 1 && w == 1 ? "(" + c + ")" : "(" + c + "," + h + "," + w + ")"; }
}
