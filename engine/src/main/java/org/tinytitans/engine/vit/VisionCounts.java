package org.tinytitans.engine.vit;

import org.tinytitans.engine.lm.model.LmConfig;

/**
 * Exact parameter and multiply-accumulate counts of the vision and multimodal models, from their configs alone
 * (no weights), as {@code graph.Counts} does for the CNNs and {@link LmConfig#paramCount()} for the decoders.
 * MACs count every matrix multiply the engine performs (the patch convolution as the matrix multiply it is,
 * q/k/v/out, attention scores and the weighted sum over all T×T pairs, the MLP, projections and heads);
 * norms, activations, softmax and embedding lookups are not counted, as for the other models.
 *
 * @param params          every parameter of the checkpoint (LLaVA: the whole vision tower, although the layers
 *                        after {@code vision_feature_layer} do not run)
 * @param macsPerImage    ViT: one classification. CLIP: the image embedding (tower + projection). LLaVA: the
 *                        tower up to the feature layer, the projector, and the decoder over the image's tokens
 *                        placed at the start of the context (without the LM head, whose logits are not used)
 * @param visionMacs      the part of {@code macsPerImage} before the decoder (equal to it for ViT and CLIP)
 * @param macsPerText     CLIP: one prompt of {@code max_position_embeddings} tokens through the text tower and its
 *                        projection; 0 for the others
 * @param macsPerToken    LLaVA: one generated token right after the image ({@link LmConfig#macsPerToken} at a
 *                        context of {@code imageTokens}); 0 for the others
 * @param imageTokens     tokens an image becomes: encoder tokens (patches + CLS) for ViT and CLIP, decoder
 *                        tokens for LLaVA
 * @param weightBytes     4 bytes per parameter: the engine holds weights as float32 whatever the file stored
 * @param activationBytes float32 working set of the largest single layer at batch 1 (residual, q, k, v, the
 *                        heads × T × T scores and the MLP hidden state): an estimate, not a measurement
 */
public record VisionCounts(long params, long macsPerImage, long visionMacs, long macsPerText, long macsPerToken,
                           int imageTokens, long weightBytes, long activationBytes) {

    public static VisionCounts of(MultimodalConfig c) {
        if (c instanceof VitConfig v) {
            return vit(v);
        }
        if (c instanceof ClipConfig v) {
            return clip(v);
        }
        return llava((LlavaConfig) c);
    }

    static VisionCounts vit(VitConfig c) {
        VisionTower t = c.tower();
        long h = t.hidden();
        long params = towerParams(t) + c.labels() * h + c.labels();
        long macs = towerMacs(t, t.encoder().layers()) + h * c.labels();
        return new VisionCounts(params, macs, macs, 0, 0, t.tokens(), 4 * params, layerBytes(t.encoder(), t.tokens()));
    }

    /**
     * A ViT whose later blocks run on the tokens {@code keep} leaves ({@link TokenKeep} or {@link TokenMerge}); the
     * selection or merging itself (a sort and a gather, or ToMe's N/2 x N/2 similarity per round) is not counted.
     */
    public static VisionCounts vit(VitConfig c, TokenPlan keep) {
        VisionTower t = c.tower();
        keep.check(t);
        EncoderConfig e = t.encoder();
        long h = t.hidden();
        int after = keep.tokensAfter(t.patches());
        long macs = towerMacs(t, keep.afterBlock()) + (e.layers() - keep.afterBlock()) * layerMacs(e, after) + h * c.labels();
        long params = towerParams(t) + c.labels() * h + c.labels();
        return new VisionCounts(params, macs, macs, 0, 0, after, 4 * params, layerBytes(e, t.tokens()));
    }

    static VisionCounts clip(ClipConfig c) {
        VisionTower v = c.vision();
        ClipText x = c.text();
        long p = c.projectionDim();
        long params = towerParams(v) + textParams(x) + v.hidden() * p + x.hidden() * p + 1; // + logit_scale
        long image = towerMacs(v, v.encoder().layers()) + v.hidden() * p;
        long text = textMacs(c, x.maxPositions());
        long act = Math.max(layerBytes(v.encoder(), v.tokens()), layerBytes(x.encoder(), x.maxPositions()));
        return new VisionCounts(params, image, image, text, 0, v.tokens(), 4 * params, act);
    }

    static VisionCounts llava(LlavaConfig c) {
        VisionTower v = c.vision();
        LmConfig lm = c.text();
        int n = c.imageTokens();
        long params = towerParams(v) + projectorParams(c) + lm.paramCount();
        long vision = towerMacs(v, c.towerLayers()) + (long) n * projectorMacsPerToken(c);
        long head = (long) lm.vocab() * lm.hidden();
        long decoder = 0;
        for (int i = 0; i < n; i++) {
            decoder += lm.macsPerToken(i) - head;
        }
        long lmAct = 4L * ((long) n * lm.hidden() + (long) n * (lm.heads() + 2L * lm.kvHeads()) * lm.headDim()
                + (long) lm.heads() * n * n + 2L * n * lm.intermediate());
        return new VisionCounts(params, vision + decoder, vision, 0, lm.macsPerToken(n), n, 4 * params,
                Math.max(layerBytes(v.encoder(), v.tokens()), lmAct));
    }

    /** One encoder layer's parameters: q/k/v/out with biases, fc1/fc2 with biases, two LayerNorms. */
    public static long layerParams(EncoderConfig e) {
        long h = e.hidden();
        long a = e.attentionWidth(); // h, unless heads were pruned
        long i = e.intermediate();
        return 3 * (a * h + a) + (h * a + h) + (h * i + i) + (i * h + h) + 4 * h;
    }

    /** One encoder layer's MACs over {@code tokens} tokens. */
    public static long layerMacs(EncoderConfig e, long tokens) {
        long h = e.hidden();
        long a = e.attentionWidth();
        return 4 * tokens * h * a + 2 * tokens * tokens * a + 2 * tokens * h * e.intermediate();
    }

    public static long towerParams(VisionTower t) {
        long h = t.hidden();
        long patch = t.patchValues() * h + (t.clipStyle() ? 0 : h);
        long norms = t.clipStyle() ? 4 * h : 2 * h; // CLIP: pre_layrnorm and post_layernorm
        return patch + h + t.tokens() * h + t.encoder().layers() * layerParams(t.encoder()) + norms;
    }

    /** The patch embedding and the first {@code layers} encoder layers. */
    public static long towerMacs(VisionTower t, int layers) {
        long patch = (long) t.patches() * t.patchValues() * t.hidden();
        long body = 0;
        for (int l = 0; l < layers; l++) {
            body += layerMacs(t.encoder(), t.tokens());
        }
        return patch + body;
    }

    public static long textParams(ClipText x) {
        long h = x.hidden();
        return (long) x.vocab() * h + (long) x.maxPositions() * h + x.encoder().layers() * layerParams(x.encoder()) + 2 * h;
    }

    /** CLIP's text tower and projection over one prompt of {@code tokens} tokens. */
    public static long textMacs(ClipConfig c, int tokens) {
        ClipText x = c.text();
        return x.encoder().layers() * layerMacs(x.encoder(), tokens) + (long) x.hidden() * c.projectionDim();
    }

    public static long projectorParams(LlavaConfig c) {
        long in = c.vision().hidden();
        long out = c.text().hidden();
        long bias = c.projectorBias() ? out : 0;
        return in * out + bias + (c.projectorLayers() == 2 ? out * out + bias : 0);
    }

    public static long projectorMacsPerToken(LlavaConfig c) {
        long in = c.vision().hidden();
        long out = c.text().hidden();
        return in * out + (c.projectorLayers() == 2 ? out * out : 0);
    }

    private static long layerBytes(EncoderConfig e, long t) {
        long h = e.hidden();
        return 4 * (t * h + 3 * t * e.attentionWidth() + (long) e.heads() * t * t + t * e.intermediate());
    }
}
