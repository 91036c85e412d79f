package org.tinytitans.engine.lm.eval;

import ai.djl.ndarray.NDManager;
import org.tinytitans.engine.lm.model.Inference;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Transformer;
import org.tinytitans.engine.runtime.Devices;

/**
 * Perplexity: exp of the mean token cross-entropy, over consecutive non-overlapping windows of
 * {@code seqLen + 1} tokens (each window predicts its last {@code seqLen} tokens from the ones before).
 */
public final class Perplexity {
    private Perplexity() {}

    /** Perplexity of {@code text} over at most {@code maxTokens} tokens (0 = all). */
    public static double of(LanguageModel model, String text, int seqLen, int maxTokens) {
        return Math.exp(meanLoss(model, model.tokenizer().encode(text), seqLen, maxTokens));
    }

    /** Mean cross-entropy in nats per token. */
    public static double meanLoss(LanguageModel model, long[] tokens, int seqLen, int maxTokens) {
        if (seqLen < 1) {
            throw new IllegalArgumentException("seq-len must be at least 1");
        }
        int limit = maxTokens > 0 ? Math.min(maxTokens, tokens.length) : tokens.length;
        int windows = (limit - 1) / seqLen;
        if (windows < 1) {
            throw new IllegalArgumentException("the text has " + tokens.length + " tokens; perplexity needs more than seq-len " + seqLen);
        }
        if (seqLen > model.config().maxPositions()) {
            throw new IllegalArgumentException("seq-len " + seqLen + " exceeds the model's " + model.config().maxPositions() + " positions");
        }
        Transformer tf = model.transformer();
        // at most ~16M logits per batch, so a 128k-vocabulary model does not allocate gigabytes
        int batch = (int) Math.max(1, Math.min(4096 / seqLen, (1L << 24) / ((long) seqLen * model.config().vocab())));
        return Inference.call(() -> {
            double total = 0;
            for (int w0 = 0; w0 < windows; w0 += batch) {
                int n = Math.min(batch, windows - w0);
                long[][] x = new long[n][seqLen];
                long[][] y = new long[n][seqLen];
                for (int b = 0; b < n; b++) {
                    int at = (w0 + b) * seqLen;
                    System.arraycopy(tokens, at, x[b], 0, seqLen);
                    System.arraycopy(tokens, at + 1, y[b], 0, seqLen);
                }
                try (NDManager s = Devices.manager()) {
                    total += Transformer.crossEntropy(s, tf.logits(s, x, null, null), y).getFloat() * n;
                }
            }
            return total / windows;
        });
    }
}
