package org.tinytitans.engine.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.tinytitans.engine.lm.model.Inference;
import org.tinytitans.engine.lm.model.KvCache;
import org.tinytitans.engine.lm.model.Transformer;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.vit.LlavaModel;
import org.tinytitans.engine.vit.MultimodalModel;

/**
 * Greedy generation after an image and a prompt, with the decoder's KV cache: one pass over the spliced prompt
 * (prefill), then one position per new token. Tokens/s is new tokens over decode time, as for the LMs.
 */
public final class VlmGeneration {
    private VlmGeneration() {}

    /** @param text the generated text; {@code tokensPerSecond} new tokens over decode seconds */
    public record Result(String text, int newTokens, double prefillSeconds, double decodeSeconds) {
        public double tokensPerSecond() {
            return decodeSeconds > 0 ? newTokens / decodeSeconds : 0;
        }
    }

    public static Result greedy(LlavaModel model, String prompt, float[] image, int maxNew) {
        long[] ids = model.expand(model.encode(prompt), 1);
        Transformer tf = model.decoder().transformer();
        return Inference.call(() -> {
            try (KvCache cache = new KvCache(model.decoder().config().layers())) {
                long[] out = new long[maxNew];
                long t0 = System.nanoTime();
                long next;
                try (NDManager s = Devices.manager()) {
                    NDArray x = model.embed(s, ids, MultimodalModel.pixels(s, model.config().vision(), new float[][] {image}));
                    next = argmaxLast(tf.head(s, tf.hidden(s, x, cache, null)));
                }
                long t1 = System.nanoTime();
                int n = 0;
                while (n < maxNew) {
                    out[n++] = next;
                    if (n == maxNew || cache.length() + 1 > model.decoder().config().maxPositions()) {
                        break;
                    }
                    try (NDManager s = Devices.manager()) {
                        next = argmaxLast(tf.logits(s, new long[][] {{next}}, cache, null));
                    }
                }
                long t2 = System.nanoTime();
                String text = model.decoder().tokenizer().decode(java.util.Arrays.copyOf(out, n));
                return new Result(text, n, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
        });
    }

    private static long argmaxLast(NDArray logits) {
        long t = logits.getShape().get(1);
        return logits.get(new NDIndex("0, " + (t - 1))).argMax().getLong();
    }
}
