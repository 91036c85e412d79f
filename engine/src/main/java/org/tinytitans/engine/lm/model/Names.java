package org.tinytitans.engine.lm.model;

/**
 * The engine's own tensor names, the same for both layouts: {@code embed}, {@code pos}, {@code norm.w/.b},
 * {@code head}, and per layer {@code layers.N.attn_norm.w}, {@code .q.w}, {@code .k.w}, {@code .v.w},
 * {@code .o.w}, {@code .mlp_norm.w}, {@code .gate.w}, {@code .up.w}, {@code .down.w} (plus {@code .b} biases).
 * Linear weights are (out, in) as in PyTorch. {@link HfCheckpoint} maps Hugging Face names to these.
 */
public final class Names {
    public static final String EMBED = "embed";
    public static final String POS = "pos";
    public static final String HEAD = "head";
    public static final String NORM = "norm";

    private Names() {}

    /** e.g. {@code layer(3, "q")} is {@code layers.3.q}; append {@code .w} or {@code .b}. */
    public static String layer(int i, String part) {
        return "layers." + i + "." + part;
    }

    public static String w(String module) { return module + ".w"; }

    public static String b(String module) { return module + ".b"; }
}
