package org.tinytitans.engine.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.weights.Tensor;
import org.tinytitans.engine.runtime.Devices;

/**
 * A decoder-only language model: its config, its weights as plain float tensors under {@link Names}, and its
 * tokenizer. Pruning works on the plain tensors and returns a new model; the DJL copies used for running
 * are made on first use and freed by {@link #close()}.
 */
public final class LanguageModel implements AutoCloseable {
    private final LmConfig config;
    private final Map<String, Tensor> weights;
    private final LmTokenizer tokenizer;
    private final Path tokenizerFile;
    private NDManager manager;
    private Map<String, NDArray> arrays;

    /** Checks every tensor against the config, so a pruned model's config always matches its tensors. */
    public LanguageModel(LmConfig config, Map<String, Tensor> weights, LmTokenizer tokenizer, Path tokenizerFile) {
        this.config = config;
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.tokenizer = tokenizer;
        this.tokenizerFile = tokenizerFile;
        Shapes.check(config, this.weights);
    }

    public LmConfig config() { return config; }

    public Map<String, Tensor> weights() { return weights; }

    public Tensor tensor(String name) {
        Tensor t = weights.get(name);
        if (t == null) {
            throw new IllegalArgumentException("model has no tensor '" + name + "'");
        }
        return t;
    }

    public LmTokenizer tokenizer() { return tokenizer; }

    /** The tokenizer.json this model was loaded with, or null for the byte-level fallback. */
    public Path tokenizerFile() { return tokenizerFile; }

    /** A model with the same tokenizer and new weights/config (the result of a pruning step). */
    public LanguageModel with(LmConfig newConfig, Map<String, Tensor> newWeights) {
        return new LanguageModel(newConfig, newWeights, tokenizer, tokenizerFile);
    }

    /** Every stored parameter (a zeroed weight still counts; see {@link #nonZeroParams()}). */
    public long paramCount() {
        long n = 0;
        for (Tensor t : weights.values()) {
            n += t.values().length;
        }
        return n;
    }

    public long nonZeroParams() {
        long n = 0;
        for (Tensor t : weights.values()) {
            for (float v : t.values()) {
                if (v != 0f) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Fraction of zero weights over all parameters. */
    public double sparsity() {
        return 1.0 - (double) nonZeroParams() / paramCount();
    }

    /** Multiply-accumulates per generated token at an empty context (see {@link LmConfig#macsPerToken}). */
    public long flopsPerToken() {
        return config.macsPerToken(0);
    }

    /** Runs on DJL arrays owned by this model. */
    public Transformer transformer() {
        return new Transformer(config, this::array);
    }

    /** Logits (T, vocab) of one sequence, no cache; for tests, probes and small evaluations. */
    public float[][] logits(long[] ids) {
        return Inference.call(() -> {
            try (NDManager s = Devices.manager()) {
                float[] flat = transformer().logits(s, new long[][] {ids}, null, null).toFloatArray();
                int v = config.vocab();
                float[][] out = new float[ids.length][];
                for (int i = 0; i < ids.length; i++) {
                    out[i] = Arrays.copyOfRange(flat, i * v, (i + 1) * v);
                }
                return out;
            }
        });
    }

    synchronized NDArray array(String name) {
        if (arrays == null) {
            manager = Devices.manager();
            arrays = Owned.all(manager, weights);
        }
        return arrays.get(name);
    }

    /** Writes config.json, model.safetensors (F32) and the tokenizer.json if there is one. */
    public void save(Path dir) throws IOException {
        HfCheckpoint.save(this, dir, "F32");
    }

    /** Arrays held by this model's manager (one per tensor once running); more would mean a leak. */
    public synchronized int liveArrays() {
        return manager == null ? 0 : manager.getManagedArrays().size();
    }

    @Override
    public synchronized void close() {
        if (manager != null) {
            manager.close();
            manager = null;
            arrays = null;
        }
    }

    @Override
    public String toString() {
        return config.layout() + " " + config.layers() + " layers, hidden " + config.hidden() + ", heads " + config.heads()
                + "/" + config.kvHeads() + ", mlp " + config.intermediate() + ", " + paramCount() + " params";
    }
}
