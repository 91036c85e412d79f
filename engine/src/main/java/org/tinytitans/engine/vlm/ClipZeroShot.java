package org.tinytitans.engine.vlm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.vit.ClipModel;

/**
 * CLIP zero-shot classification: one prompt per class from a template ("a photo of the digit {}"), each image
 * assigned the class whose prompt has the highest {@code logits_per_image}; accuracy over the labelled images.
 * Prompts are tokenised by the caller (CLIP's BPE with its start and end tokens, or ids a test writes), then
 * padded to one length with their end-of-text id (attention is causal, so padding after it changes nothing).
 */
public final class ClipZeroShot {
    private ClipZeroShot() {}

    /** @param accuracy fraction of images whose label's prompt scored highest; {@code images} how many */
    public record Result(double accuracy, int images, int classes, int[] predicted) {}

    /** The template with each class name in place of {@code {}}. */
    public static List<String> prompts(String template, List<String> classNames) {
        if (!template.contains("{}")) {
            throw new IllegalArgumentException("the prompt template '" + template + "' has no {} for the class name");
        }
        List<String> out = new ArrayList<>();
        for (String n : classNames) {
            out.add(template.replace("{}", n));
        }
        return out;
    }

    /** Tokenised prompts padded on the right with each one's last id (its end-of-text token) to one length. */
    public static long[][] padded(List<String> prompts, Function<String, long[]> tokenize) {
        List<long[]> ids = prompts.stream().map(tokenize).toList();
        int t = ids.stream().mapToInt(a -> a.length).max().orElse(0);
        long[][] out = new long[ids.size()][];
        for (int i = 0; i < out.length; i++) {
            long[] a = ids.get(i);
            out[i] = Arrays.copyOf(a, t);
            Arrays.fill(out[i], a.length, t, a[a.length - 1]);
        }
        return out;
    }

    /** Classifies every image of {@code set} (already in the model's input layout) in batches of {@code batch}. */
    public static Result evaluate(ClipModel model, ImageSet set, long[][] classPrompts, int batch) {
        int n = set.size();
        int[] predicted = new int[n];
        int right = 0;
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            float[][] images = new float[to - from][];
            for (int i = from; i < to; i++) {
                images[i - from] = set.batchPixels(i, i + 1);
            }
            float[][] logits = model.logitsPerImage(images, classPrompts);
            for (int i = from; i < to; i++) {
                float[] row = logits[i - from];
                int best = 0;
                for (int c = 1; c < row.length; c++) {
                    if (row[c] > row[best]) {
                        best = c;
                    }
                }
                predicted[i] = best;
                right += best == set.labels()[i] ? 1 : 0;
            }
        }
        return new Result(n == 0 ? 0 : (double) right / n, n, classPrompts.length, predicted);
    }
}
