package org.tinytitans.engine.vit;

import org.tinytitans.engine.lm.model.Owned;
import org.tinytitans.engine.lm.model.Transformer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

/**
 * The pre-norm encoder forward pass on DJL arrays, shared by ViT, DeiT, both CLIP towers and LLaVA's vision
 * tower. LayerNorm is written out over the last axis (DJL's LayerNorm block normalises all non-batch axes by
 * default, which mixes tokens). Weights are never the first operand, so results stay in the caller's manager.
 */
final class Encoder {
    private Encoder() {}

    /**
     * Patch embedding, CLS token and positions (and CLIP's pre-norm) for images (B, C, H, W) owned by {@code s}:
     * (B, patches + 1, hidden). The stride-p convolution is computed as the matrix multiply it is: each patch
     * flattened in (channel, row, column) order, times {@code patch.w} (hidden, C·p²).
     */
    static NDArray embed(NDManager s, VisionTower t, TensorStore w, String p, NDArray pixels) {
        Shape sh = pixels.getShape();
        if (sh.dimension() != 4 || sh.get(1) != t.channels() || sh.get(2) != t.imageSize() || sh.get(3) != t.imageSize()) {
            throw new IllegalArgumentException("images have shape " + sh + "; this model takes (batch, " + t.channels() + ", "
                    + t.imageSize() + ", " + t.imageSize() + ")");
        }
        long b = sh.get(0);
        int g = t.imageSize() / t.patchSize();
        int ps = t.patchSize();
        NDArray patches = pixels.reshape(b, t.channels(), g, ps, g, ps).transpose(0, 2, 4, 1, 3, 5)
                .reshape(b, (long) g * g, t.patchValues());
        NDArray bias = w.find(p + "patch.b");
        NDArray x = (bias == null ? Linear.linear(patches, w.get(p + "patch.w")) : Linear.linear(patches, w.get(p + "patch.w"), bias))
                .singletonOrThrow();
        NDArray cls = s.zeros(new Shape(b, 1, t.hidden())).add(w.get(p + "cls"));
        x = NDArrays.concat(new NDList(cls, x), 1).add(w.get(p + "pos"));
        return t.clipStyle() ? norm(x, w, p + "pre_norm", t.encoder().normEps()) : x;
    }

    /**
     * One encoder layer on x (B, T, hidden). {@code mask} is null or an additive (T, T) mask. When {@code probe}
     * is not null, {@code probe[0]} receives the attention probabilities (B, heads, T, T) and, when it has room,
     * {@code probe[1]} the keys (B, heads, T, head dim).
     */
    /** The tower's embeddings of {@code pixels} through its first {@code layers} encoder layers (no final norm). */
    static NDArray tower(NDManager s, VisionTower t, TensorStore w, String p, NDArray pixels, int layers) {
        NDArray x = embed(s, t, w, p, pixels);
        for (int l = 0; l < layers; l++) {
            x = layer(x, t.encoder(), w, p, l, null, null);
        }
        return x;
    }

    static NDArray layer(NDArray x, EncoderConfig c, TensorStore w, String p, int l, NDArray mask, NDArray[] probe) {
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        int d = c.headDim();
        NDArray h = norm(x, w, VisionNames.layer(p, l, "attn_norm"), c.normEps());
        NDArray q = linear(h, w, VisionNames.layer(p, l, "q")).reshape(b, t, c.heads(), d).transpose(0, 2, 1, 3);
        NDArray k = linear(h, w, VisionNames.layer(p, l, "k")).reshape(b, t, c.heads(), d).transpose(0, 2, 1, 3);
        NDArray v = linear(h, w, VisionNames.layer(p, l, "v")).reshape(b, t, c.heads(), d).transpose(0, 2, 1, 3);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
        scores = scores.mul(c(scores, (float) (1 / Math.sqrt(d))));
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray att = scores.softmax(-1);
        if (probe != null) {
            probe[0] = att;
            if (probe.length > 1) {
                probe[1] = k;
            }
        }
        NDArray o = att.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, c.attentionWidth());
        x = x.add(linear(o, w, VisionNames.layer(p, l, "o")));
        NDArray h2 = norm(x, w, VisionNames.layer(p, l, "mlp_norm"), c.normEps());
        NDArray a = act(linear(h2, w, VisionNames.layer(p, l, "up")), c.act());
        return x.add(linear(a, w, VisionNames.layer(p, l, "down")));
    }

    static NDArray linear(NDArray x, TensorStore w, String module) {
        NDArray bias = w.find(module + ".b");
        NDArray weight = w.get(module + ".w");
        return (bias == null ? Linear.linear(x, weight) : Linear.linear(x, weight, bias)).singletonOrThrow();
    }

    static NDArray norm(NDArray x, TensorStore w, String module, double eps) {
        NDArray centred = x.sub(x.mean(new int[] {-1}, true));
        NDArray var = centred.square().mean(new int[] {-1}, true);
        return centred.div(var.add(c(var, (float) eps)).sqrt()).mul(w.get(module + ".w")).add(w.get(module + ".b"));
    }

    static NDArray act(NDArray x, Act a) {
        return switch (a) {
            case GELU -> x.mul(x.mul(c(x, (float) (1 / Math.sqrt(2)))).erf().add(c(x, 1f))).mul(c(x, 0.5f));
            case QUICK_GELU -> x.mul(Activation.sigmoid(x.mul(c(x, 1.702f))));
            case GELU_TANH -> x.mul(x.mul(x).mul(x).mul(c(x, 0.044715f)).add(x).mul(c(x, (float) Math.sqrt(2 / Math.PI))).tanh().add(c(x, 1f))).mul(c(x, 0.5f));
        };
    }

    /** A scalar that lives as long as {@code like}'s step: autograd keeps it for the backward pass (see Transformer.constant). */
    private static NDArray c(NDArray like, float v) {
        return Transformer.constant(like, v);
    }

    /** Rows {@code index} (long ids) of the weight {@code name}, moved into {@code s}: an embedding lookup. */
    static NDArray rows(NDManager s, TensorStore w, String name, long[] index) {
        NDArray picked = w.get(name).get(Owned.longs(s, index, new Shape(index.length)));
        picked.attach(s);
        return picked;
    }

    /** The first {@code n} rows of the weight {@code name}, moved into {@code s}. */
    static NDArray firstRows(NDManager s, TensorStore w, String name, long n) {
        NDArray picked = w.get(name).get(new NDIndex("0:" + n));
        picked.attach(s);
        return picked;
    }
}
