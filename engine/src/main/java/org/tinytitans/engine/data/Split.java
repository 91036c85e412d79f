package org.tinytitans.engine.data;

/** Which part of a dataset to load. Image folders map TEST to a "val" or "test" sub-folder. */
public enum Split {
    TRAIN, TEST;

    public static Split parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "train" -> TRAIN;
            case "test", "val", "validation" -> TEST;
            default -> throw new IllegalArgumentException("unknown split '" + s + "' (expected train or test)");
        };
    }
}
