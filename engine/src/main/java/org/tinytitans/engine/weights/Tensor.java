package org.tinytitans.engine.weights;

import java.util.Arrays;

/** A float tensor in row-major order, independent of any NDManager. */
public record Tensor(long[] shape, float[] values) {

    public String shapeText() { return Arrays.toString(shape); }
}
