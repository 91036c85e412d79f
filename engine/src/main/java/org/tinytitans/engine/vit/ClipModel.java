package org.tinytitans.engine.vit;

import org.tinytitans.engine.lm.model.Inference;
import org.tinytitans.engine.lm.model.Owned;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.weights.Tensor;

/**
 * CLIP for zero-shot classification: image and prompt embeddings, and image-text logits
 * {@code exp(logit_scale) · cos(image, text)} ({@code logits_per_image} in Hugging Face).
 */
public final class ClipModel implements MultimodalModel {
    private final ClipConfig config;
    private final TensorStore store;

    public ClipModel(ClipConfig config, Map<String, Tensor> weights) {
        ShapeCheck.check(config, weights);
        this.config = config;
        this.store = new TensorStore(weights);
    }

    @Override
    public ClipConfig config() { return config; }

    @Override
    public long paramCount() { return store.paramCount(); }

    /** Image embeddings (B, projection_dim), not normalised: the post-normed CLS token, projected. */
    public NDArray imageEmbeds(NDManager s, NDArray pixels) {
        VisionTower t = config.vision();
        NDArray x = Encoder.tower(s, t, store, "vision.", pixels, t.encoder().layers());
        NDArray cls = Encoder.norm(x.get(new NDIndex(":, 0, :")), store, "vision.norm", t.encoder().normEps());
        return Encoder.linear(cls, store, "vision.proj");
    }

    /**
     * Prompt embeddings (B, projection_dim), not normalised. Rows of {@code ids} have one length (pad after the
     * end-of-text token: attention is causal, so padding after it changes nothing before it).
     */
    public NDArray textEmbeds(NDManager s, long[][] ids) {
        ClipText c = config.text();
        int b = ids.length;
        int t = ids[0].length;
        if (t > c.maxPositions()) {
            throw new IllegalArgumentException("prompt of " + t + " tokens exceeds the text tower's " + c.maxPositions() + " positions");
        }
        long[] flat = new long[b * t];
        long[] pooled = new long[b];
        for (int i = 0; i < b; i++) {
            if (ids[i].length != t) {
                throw new IllegalArgumentException("ragged prompts: row " + i + " has " + ids[i].length + " tokens, not " + t);
            }
            for (int j = 0; j < t; j++) {
                if (ids[i][j] < 0 || ids[i][j] >= c.vocab()) {
                    throw new IllegalArgumentException("token id " + ids[i][j] + " is outside the vocabulary of " + c.vocab());
                }
                flat[i * t + j] = ids[i][j];
            }
            pooled[i] = (long) i * t + c.eosIndex(ids[i]);
        }
        NDArray x = Encoder.rows(s, store, "text.embed", flat).reshape(b, t, c.hidden()).add(Encoder.firstRows(s, store, "text.pos", t));
        NDArray mask = causalMask(s, t);
        for (int l = 0; l < c.encoder().layers(); l++) {
            x = Encoder.layer(x, c.encoder(), store, "text.", l, mask, null);
        }
        x = Encoder.norm(x, store, "text.norm", c.encoder().normEps()).reshape((long) b * t, c.hidden());
        NDArray eos = x.get(Owned.longs(s, pooled, new Shape(b)));
        return Encoder.linear(eos, store, "text.proj");
    }

    /** {@code logits_per_image} (images, prompts). */
    public NDArray logitsPerImage(NDManager s, NDArray pixels, long[][] prompts) {
        NDArray img = unit(imageEmbeds(s, pixels));
        NDArray txt = unit(textEmbeds(s, prompts));
        float scale = (float) Math.exp(store.weights().get("logit_scale").values()[0]);
        return img.matMul(txt.transpose()).mul(scale);
    }

    public float[][] logitsPerImage(float[][] images, long[][] prompts) {
        return Inference.call(() -> {
            try (NDManager s = Devices.manager()) {
                return MultimodalModel.rows(logitsPerImage(s, MultimodalModel.pixels(s, config.vision(), images), prompts));
            }
        });
    }

    private static NDArray unit(NDArray x) {
        return x.div(x.square().sum(new int[] {-1}, true).sqrt());
    }

    static NDArray causalMask(NDManager s, int t) {
        float[] m = new float[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                m[i * t + j] = -1e9f;
            }
        }
        return Owned.floats(s, m, new Shape(t, t));
    }

    int liveArrays() { return store.liveArrays(); }

    @Override
    public void close() { store.close(); }
}
