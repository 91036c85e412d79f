package org.tinytitans.engine.lm.lora;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * LoRA recovery settings: adapters of rank {@code rank} on the listed projections (q, k, v, o, gate, up, down;
 * Hugging Face names such as q_proj are accepted; an empty list means every one the model's layout has, so
 * GPT-2, which has no gate, is not an error), scaled by {@code alpha / rank}, trained with Adam for
 * {@code steps} steps of {@code batch} random windows of {@code seqLen} tokens. With {@code keepZeros} the update
 * is masked where a weight is exactly zero, so a model pruned to unstructured or N:M sparsity stays sparse.
 */
public record LoraConfig(int rank, double alpha, List<String> targets, int steps, double lr, int seqLen, long seed,
                         int batch, boolean keepZeros) {

    public static final List<String> ALL = List.of("q", "k", "v", "o", "gate", "up", "down");

    private static final Map<String, String> HF = Map.of("q_proj", "q", "k_proj", "k", "v_proj", "v", "o_proj", "o",
            "gate_proj", "gate", "up_proj", "up", "down_proj", "down");

    /** Batches of 4 windows, zeros kept. */
    public LoraConfig(int rank, double alpha, List<String> targets, int steps, double lr, int seqLen, long seed) {
        this(rank, alpha, targets, steps, lr, seqLen, seed, 4, true);
    }

    public LoraConfig {
        if (rank < 1) {
            throw new IllegalArgumentException("LoRA rank must be at least 1, got " + rank);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("LoRA alpha must be positive, got " + alpha);
        }
        if (steps < 0 || batch < 1 || seqLen < 1) {
            throw new IllegalArgumentException("LoRA needs steps >= 0, batch >= 1 and seq-len >= 1");
        }
        if (!(lr > 0)) {
            throw new IllegalArgumentException("LoRA learning rate must be positive, got " + lr);
        }
        Set<String> t = new LinkedHashSet<>();
        for (String name : targets == null ? List.<String>of() : targets) {
            String n = name.trim().toLowerCase(Locale.ROOT);
            n = HF.getOrDefault(n, n);
            if (!ALL.contains(n)) {
                throw new IllegalArgumentException("unknown LoRA target '" + name + "'; use " + String.join(", ", ALL));
            }
            t.add(n);
        }
        targets = List.copyOf(t);
    }

    /** The factor on B·A. */
    public double scale() {
        return alpha / rank;
    }
}
