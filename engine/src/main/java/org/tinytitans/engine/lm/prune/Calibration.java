package org.tinytitans.engine.lm.prune;

import java.util.Arrays;
import org.tinytitans.engine.lm.model.LmTokenizer;

/**
 * Token windows the data-driven criteria (block influence, Wanda, SparseGPT, Taylor) run on: {@code samples}
 * windows of {@code seqLen} tokens spread evenly over a text, as the LLM pruning papers draw 128 calibration
 * sequences from C4.
 */
public record Calibration(long[][] windows) {

    public Calibration {
        if (windows.length == 0 || windows[0].length < 2) {
            throw new IllegalArgumentException("calibration needs at least one window of two or more tokens");
        }
    }

    public static Calibration fromText(LmTokenizer tokenizer, String text, int seqLen, int samples) {
        return fromTokens(tokenizer.encode(text), seqLen, samples);
    }

    public static Calibration fromTokens(long[] tokens, int seqLen, int samples) {
        if (tokens.length < seqLen + 1) {
            throw new IllegalArgumentException("calibration text has " + tokens.length + " tokens; it needs at least "
                    + (seqLen + 1) + " (seq-len + 1)");
        }
        int n = Math.max(1, Math.min(samples, tokens.length / (seqLen + 1)));
        long stride = (tokens.length - seqLen - 1) / Math.max(1, n - 1);
        long[][] w = new long[n][];
        for (int i = 0; i < n; i++) {
            int at = (int) Math.min(i * stride, tokens.length - seqLen - 1);
            w[i] = Arrays.copyOfRange(tokens, at, at + seqLen + 1);
        }
        return new Calibration(w);
    }

    public int seqLen() { return windows[0].length - 1; }

    /** Inputs (all but the last token of each window), in batches of {@code batch}. */
    long[][] inputs(int from, int to) {
        long[][] x = new long[to - from][];
        for (int i = from; i < to; i++) {
            x[i - from] = Arrays.copyOf(windows[i], windows[i].length - 1);
        }
        return x;
    }

    /** Next-token targets for the same windows. */
    long[][] targets(int from, int to) {
        long[][] y = new long[to - from][];
        for (int i = from; i < to; i++) {
            y[i - from] = Arrays.copyOfRange(windows[i], 1, windows[i].length);
        }
        return y;
    }
}
