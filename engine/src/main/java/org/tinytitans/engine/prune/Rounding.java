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
}
