package org.tinytitans.engine.vit;

import org.tinytitans.engine.lm.model.Inference;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.lm.model.LanguageModel;
import org.tinytitans.engine.lm.model.Transformer;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.weights.Tensor;

/**
 * A LLaVA-style vision-language model: the vision tower up to {@code vision_feature_layer}, the projector, and
 * the engine's Llama decoder ({@link LanguageModel}), with each image's projected features taking the place
 * of its {@code <image>} token in the prompt's embeddings.
 */
public final class LlavaModel implements MultimodalModel {
    public static final String IMAGE = "<image>";

    private final LlavaConfig config;
    private final TensorStore store;
    private final LanguageModel decoder;

    /** {@code vision} under {@link VisionNames} (tower and projector); the decoder must have the config's text shape. */
    public LlavaModel(LlavaConfig config, Map<String, Tensor> vision, LanguageModel decoder) {
        ShapeCheck.check(config, vision);
        if (!decoder.config().equals(config.text())) {
            throw new IllegalArgumentException("decoder is " + decoder.config() + ", the config says " + config.text());
        }
        this.config = config;
        this.store = new TensorStore(vision);
        this.decoder = decoder;
    }

    @Override
    public LlavaConfig config() { return config; }

    public Map<String, Tensor> visionWeights() { return store.weights(); }

    public LanguageModel decoder() { return decoder; }

    @Override
    public long paramCount() { return store.paramCount() + decoder.paramCount(); }

    /** Projected image features (B, imageTokens, text hidden) for images (B, C, H, W) owned by {@code s}. */
    public NDArray imageFeatures(NDManager s, NDArray pixels) {
        return imageFeatures(s, config, store, pixels);
    }

    /**
     * The same features from arrays the caller owns under {@link VisionNames} (e.g. trainable ones): the
     * training entry, so a trainer runs this very forward pass and not a copy of it.
     */
    public static NDArray imageFeatures(NDManager s, LlavaConfig config, java.util.function.Function<String, NDArray> weights,
                                        NDArray pixels) {
        return imageFeatures(s, config, new TensorStore(weights), pixels);
    }

    private static NDArray imageFeatures(NDManager s, LlavaConfig config, TensorStore store, NDArray pixels) {
        VisionTower t = config.vision();
        NDArray x = Encoder.tower(s, t, store, "vision.", pixels, config.towerLayers());
        if (config.dropCls()) {
            x = x.get(new NDIndex(":, 1:, :"));
        }
        x = Encoder.linear(x, store, "projector.1");
        if (config.projectorLayers() == 2) {
            x = Encoder.linear(Encoder.act(x, config.projectorAct()), store, "projector.2");
        }
        return x;
    }

    /** Prompt text to ids: each {@code <image>} becomes one image token, the rest goes through the decoder's tokenizer. */
    public long[] encode(String prompt) {
        List<Long> ids = new ArrayList<>();
        String[] parts = prompt.split(java.util.regex.Pattern.quote(IMAGE), -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                ids.add((long) config.imageTokenIndex());
            }
            if (!parts[i].isEmpty()) {
                for (long id : decoder.tokenizer().encode(parts[i])) {
                    ids.add(id);
                }
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Each image token of {@code ids} repeated {@link LlavaConfig#imageTokens()} times, as Hugging Face's
     * processor does before the model splices features in; ids already expanded that way are returned as they are.
     */
    public long[] expand(long[] ids, int images) {
        long marks = Arrays.stream(ids).filter(id -> id == config.imageTokenIndex()).count();
        int n = config.imageTokens();
        if (marks == (long) images * n && n != 1) {
            return ids;
        }
        if (marks != images) {
            throw new IllegalArgumentException("the prompt has " + marks + " image tokens (" + IMAGE + ") for " + images + " images");
        }
        long[] out = new long[ids.length + images * (n - 1)];
        int at = 0;
        for (long id : ids) {
            int copies = id == config.imageTokenIndex() ? n : 1;
            for (int c = 0; c < copies; c++) {
                out[at++] = id;
            }
        }
        return out;
    }

    /**
     * Prompt embeddings (1, T, hidden) with image features in place of the image tokens: {@code ids} holds one
     * image token per image (or the expanded run of them), {@code pixels} the images (k, C, H, W) in prompt order.
     */
    public NDArray embed(NDManager s, long[] ids, NDArray pixels) {
        return splice(s, ids, imageFeatures(s, pixels));
    }

    /**
     * Prompt embeddings (1, T, hidden) with already projected image features (k, imageTokens, hidden) in place
     * of the image tokens: several prompts about the same image share one pass of the tower.
     */
    public NDArray splice(NDManager s, long[] ids, NDArray features) {
        int k = (int) features.getShape().get(0);
        long[] full = expand(ids, k);
        Transformer tr = decoder.transformer();
        NDArray text = tr.embed(s, new long[][] {full});
        int n = config.imageTokens();
        NDList pieces = new NDList();
        int image = 0;
        int i = 0;
        while (i < full.length) {
            if (full[i] == config.imageTokenIndex()) {
                pieces.add(features.get(new NDIndex(image + ":" + (image + 1))));
                image++;
                i += n;
            } else {
                int j = i;
                while (j < full.length && full[j] != config.imageTokenIndex()) {
                    j++;
                }
                pieces.add(text.get(new NDIndex(":, " + i + ":" + j + ", :")));
                i = j;
            }
        }
        return pieces.size() == 1 ? pieces.singletonOrThrow() : NDArrays.concat(pieces, 1);
    }

    /** Logits (1, T, vocab) over the expanded prompt. */
    public NDArray logits(NDManager s, long[] ids, NDArray pixels) {
        Transformer tr = decoder.transformer();
        return tr.head(s, tr.hidden(s, embed(s, ids, pixels), null, null));
    }

    /** Logits (T, vocab) of one prompt over the expanded prompt, images in CHW order. */
    public float[][] logits(long[] ids, float[][] images) {
        return Inference.call(() -> {
            try (NDManager s = Devices.manager()) {
                NDArray l = logits(s, ids, MultimodalModel.pixels(s, config.vision(), images));
                return MultimodalModel.rows(l.reshape(l.getShape().get(1), l.getShape().get(2)));
            }
        });
    }

    int liveArrays() { return store.liveArrays(); }

    @Override
    public void close() {
        store.close();
        decoder.close();
    }
}
