package org.tinytitans.engine.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;
import java.util.Random;
import org.tinytitans.engine.runtime.Devices;

/**
 * Text generation with the KV cache: one pass over the prompt (prefill), then one position per new token.
 * Throughput is new tokens over decode time, the figure the tutorial's demo reports as tokens/s.
 */
public final class Generation {

    public record Result(long[] tokens, String text, int newTokens, double prefillSeconds, double decodeSeconds) {
        public double tokensPerSecond() {
            return decodeSeconds > 0 ? newTokens / decodeSeconds : 0;
        }
    }

    private Generation() {}

    /** Greedy decoding (temperature 0). */
    public static Result greedy(LanguageModel model, String prompt, int maxNew) {
        return generate(model, prompt, maxNew, 0, 1, 42);
    }

    /** Sampling with temperature and nucleus (top-p); temperature 0 means greedy. */
    public static Result generate(LanguageModel model, String prompt, int maxNew, double temperature, double topP, long seed) {
        long[] promptIds = model.tokenizer().encode(prompt);
        if (promptIds.length == 0) {
            throw new IllegalArgumentException("the prompt is empty after tokenization");
        }
        Random random = new Random(seed);
        Transformer tf = model.transformer();
        long[] out = Arrays.copyOf(promptIds, promptIds.length + maxNew);
        return Inference.call(() -> {
            try (KvCache cache = new KvCache(model.config().layers())) {
                long t0 = System.nanoTime();
                long next;
                try (NDManager s = Devices.manager()) {
                    next = pick(last(tf.logits(s, new long[][] {promptIds}, cache, null)), temperature, topP, random);
                }
                long t1 = System.nanoTime();
                int n = 0;
                for (; n < maxNew; n++) {
                    out[promptIds.length + n] = next;
                    if (n + 1 == maxNew || cache.length() + 1 > model.config().maxPositions()) {
                        n++;
                        break;
                    }
                    try (NDManager s = Devices.manager()) {
                        next = pick(last(tf.logits(s, new long[][] {{next}}, cache, null)), temperature, topP, random);
                    }
                }
                long t2 = System.nanoTime();
                long[] tokens = Arrays.copyOf(out, promptIds.length + n);
                String text = model.tokenizer().decode(Arrays.copyOfRange(tokens, promptIds.length, tokens.length));
                return new Result(tokens, text, n, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            }
        });
    }

    private static float[] last(NDArray logits) {
        long t = logits.getShape().get(1);
        return logits.get(new NDIndex("0, " + (t - 1))).toFloatArray();
    }

    static long pick(float[] logits, double temperature, double topP, Random random) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        if (temperature <= 0) {
            return best;
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp((logits[i] - logits[best]) / temperature);
            sum += p[i];
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
            p[i] /= sum;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        double mass = 0;
        int cut = 0;
        while (cut < order.length && (mass < topP || cut == 0)) {
            mass += p[order[cut++]];
        }
        double u = random.nextDouble() * mass;
        for (int i = 0; i < cut; i++) {
            u -= p[order[i]];
            if (u <= 0) {
                return order[i];
            }
        }
        return order[cut - 1];
    }
}
