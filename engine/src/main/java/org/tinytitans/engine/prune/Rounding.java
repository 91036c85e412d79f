package org.tinytitans.engine.prune;

/** Python 3's round(): halves go to the even neighbour, so counts match the tutorial's rebuild code. */
final class Rounding {

    private Rounding() {}

    static int count(double ratio, int n) {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio must be between 0% and 100%, not " + ratio);
        }
        return (int) Math.rint(ratio * n);
    }

    /**
     * How many of a layer's {@code width} filters to remove when {@code removed} were planned and the kept count
     * is rounded up to a multiple of {@code roundTo} (`round-to`; 1 = no rounding): CPU kernels run whole vector
     * lanes, so 29 channels cost about what 32 do. Rounding up keeps filters (never removes more than planned),
     * and never beyond the layer's width.
     */
    static int removedRoundingKept(int width, int removed, int roundTo) {
        if (roundTo <= 1 || removed == 0) {
            return removed;
        }
        int kept = width - removed;
        int up = Math.min(width, (kept + roundTo - 1) / roundTo * roundTo);
        return width - up;
    }
}
