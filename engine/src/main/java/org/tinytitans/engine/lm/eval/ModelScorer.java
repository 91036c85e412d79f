package org.tinytitans.engine.lm.eval;

import java.util.Arrays;
import org.tinytitans.engine.lm.model.LanguageModel;

/**
 * Scores with a language model the way lm-evaluation-harness's {@code loglikelihood} does: trailing spaces of
 * the context move to the continuation, context+continuation is tokenized as a whole and the continuation's
 * tokens are those past the context's own tokenization; the input keeps the last {@code maxPositions + 1}
 * tokens (left truncation) and the continuation's log-probabilities are summed.
 */
public final class ModelScorer implements Scorer {
    private final LanguageModel model;

    public ModelScorer(LanguageModel model) {
        this.model = model;
    }

    @Override
    public double logLikelihood(String context, String continuation) {
        String ctx = context.stripTrailing();
        String cont = context.substring(ctx.length()) + continuation;
        if (ctx.isEmpty()) {
            // the harness would prepend a BOS/EOT token; the byte-level models here have none
            throw new IllegalArgumentException("cannot score an option with an empty context");
        }
        long[] whole = model.tokenizer().encode(ctx + cont);
        int contextLength = model.tokenizer().encode(ctx).length;
        int contTokens = whole.length - contextLength;
        if (contTokens <= 0) {
            return 0;
        }
        int window = model.config().maxPositions() + 1;
        if (contTokens >= window) {
            throw new IllegalArgumentException("an option of " + contTokens + " tokens does not fit the model's "
                    + model.config().maxPositions() + " positions");
        }
        long[] kept = whole.length > window ? Arrays.copyOfRange(whole, whole.length - window, whole.length) : whole;
        long[] input = Arrays.copyOf(kept, kept.length - 1);
        float[][] logits = model.logits(input);
        double sum = 0;
        for (int i = kept.length - contTokens; i < kept.length; i++) {
            sum += logProb(logits[i - 1], (int) kept[i]);
        }
        return sum;
    }

    /** log softmax(row)[target], computed stably in double. */
    static double logProb(float[] row, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : row) {
            sum += Math.exp(v - max);
        }
        return row[target] - max - Math.log(sum);
    }
}
