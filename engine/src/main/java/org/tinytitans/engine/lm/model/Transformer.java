package org.tinytitans.engine.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import java.util.function.Function;

/**
 * The decoder-only forward pass on DJL arrays, for both layouts: pre-norm blocks, causal attention with
 * grouped-query sharing and an optional {@link KvCache}. Norms are written out over the last axis only:
 * DJL's {@code LayerNorm} block defaults to all non-batch axes, which mixes positions and breaks causality.
 * Every result is attached to the caller's manager {@code s}; weights are never the first operand of an op
 * (DJL puts a result on the first operand's manager, so that would leak into the weights' manager).
 */
public final class Transformer {
    private final LmConfig c;
    private final Function<String, NDArray> weights;

    /** {@code weights} returns the array for an engine name ({@link Names}), or null when absent (biases). */
    public Transformer(LmConfig config, Function<String, NDArray> weights) {
        this.c = config;
        this.weights = weights;
    }

    public LmConfig config() { return c; }

    /** Logits (B, T, vocab) for tokens {@code ids} (B, T) following the cached positions. */
    public NDArray logits(NDManager s, long[][] ids, KvCache cache, Recorder rec) {
        return head(s, hidden(s, ids, cache, rec));
    }

    /** The final-normed hidden states (B, T, hidden). */
    public NDArray hidden(NDManager s, long[][] ids, KvCache cache, Recorder rec) {
        int b = ids.length;
        int t = ids[0].length;
        int past = cache == null ? 0 : cache.length();
        if (past + t > c.maxPositions() && c.layout() == Layout.GPT2) {
            throw new IllegalArgumentException("sequence of " + (past + t) + " tokens exceeds the model's " + c.maxPositions() + " positions");
        }
        return hidden(s, embed(s, ids), cache, rec);
    }

    /** Token embeddings (B, T, hidden) of {@code ids} (B, T), owned by {@code s}. */
    public NDArray embed(NDManager s, long[][] ids) {
        int b = ids.length;
        int t = ids[0].length;
        long[] flat = new long[b * t];
        for (int i = 0; i < b; i++) {
            if (ids[i].length != t) {
                throw new IllegalArgumentException("ragged batch: row " + i + " has " + ids[i].length + " tokens, not " + t);
            }
            for (int j = 0; j < t; j++) {
                if (ids[i][j] < 0 || ids[i][j] >= c.vocab()) {
                    throw new IllegalArgumentException("token id " + ids[i][j] + " is outside the vocabulary of " + c.vocab());
                }
                flat[i * t + j] = ids[i][j];
            }
        }
        return local(s, w(Names.EMBED).get(Owned.longs(s, flat, new Shape(flat.length)))).reshape(b, t, c.hidden());
    }

    /**
     * The final-normed hidden states (B, T, hidden) from input embeddings (B, T, hidden) owned by {@code s}:
     * the entry for models that splice other embeddings (image features) into the token embeddings.
     */
    public NDArray hidden(NDManager s, NDArray embeddings, KvCache cache, Recorder rec) {
        int t = (int) embeddings.getShape().get(1);
        int past = cache == null ? 0 : cache.length();
        NDArray x = embeddings;
        if (c.layout() == Layout.GPT2) {
            x = x.add(local(s, w(Names.POS).get(new NDIndex(past + ":" + (past + t)))));
        }
        NDArray mask = causalMask(s, t, past);
        NDArray[] rope = c.layout() == Layout.LLAMA ? Rope.tables(s, c, past, t) : null;
        for (int l = 0; l < c.layers(); l++) {
            NDArray in = x;
            x = block(s, l, x, mask, rope, cache, rec);
            if (rec != null) {
                rec.layer(l, in, x);
            }
        }
        if (cache != null) {
            cache.advance(t);
        }
        return norm(x, Names.NORM);
    }

    /**
     * Decoder layers {@code from} (inclusive) to {@code to} (exclusive) over x (B, T, hidden) owned by {@code s},
     * without a cache and without the final norm: the entry for passes that change the sequence between layers
     * (visual-token dropping). {@code positions} (B, T) are each token's position in the original sequence, for
     * RoPE, and must increase along each row (the causal mask goes by index). When {@code probe} is not null,
     * {@code probe[0]} receives the last layer's attention probabilities (B, heads, T, T).
     */
    public NDArray layers(NDManager s, NDArray x, int from, int to, int[][] positions, NDArray[] probe) {
        if (c.layout() != Layout.LLAMA) {
            throw new IllegalArgumentException("layer-range passes are for the Llama layout, not " + c.layout());
        }
        int t = (int) x.getShape().get(1);
        NDArray mask = causalMask(s, t, 0);
        NDArray[] rope = Rope.tables(s, c, positions);
        for (int l = from; l < to; l++) {
            x = block(s, l, x, mask, rope, null, null, l == to - 1 ? probe : null);
        }
        return x;
    }

    /** The final norm of the residual stream (the step between {@link #layers} and {@link #head}). */
    public NDArray finalNorm(NDArray x) {
        return norm(x, Names.NORM);
    }

    /** Logits from final hidden states: the LM head, or the tied embedding. */
    public NDArray head(NDManager s, NDArray h) {
        NDArray head = w(Names.HEAD);
        return Linear.linear(h, head != null ? head : w(Names.EMBED)).singletonOrThrow();
    }

    private NDArray block(NDManager s, int l, NDArray x, NDArray mask, NDArray[] rope, KvCache cache, Recorder rec) {
        return block(s, l, x, mask, rope, cache, rec, null);
    }

    private NDArray block(NDManager s, int l, NDArray x, NDArray mask, NDArray[] rope, KvCache cache, Recorder rec, NDArray[] probe) {
        int b = (int) x.getShape().get(0);
        int t = (int) x.getShape().get(1);
        int d = c.headDim();
        NDArray h = norm(x, Names.layer(l, "attn_norm"));
        if (rec != null) {
            rec.linearInput(l, "q", h);
        }
        NDArray q = linear(h, Names.layer(l, "q")).reshape(b, t, c.heads(), d).transpose(0, 2, 1, 3);
        NDArray k = linear(h, Names.layer(l, "k")).reshape(b, t, c.kvHeads(), d).transpose(0, 2, 1, 3);
        NDArray v = linear(h, Names.layer(l, "v")).reshape(b, t, c.kvHeads(), d).transpose(0, 2, 1, 3);
        if (rope != null) {
            q = Rope.apply(q, rope);
            k = Rope.apply(k, rope);
        }
        if (cache != null) {
            NDArray[] kv = cache.append(l, k, v);
            k = local(s, kv[0].duplicate());
            v = local(s, kv[1].duplicate());
        }
        if (c.groupSize() > 1) {
            // query head j reads key/value head j / groupSize, as Hugging Face's repeat_kv does
            k = k.repeat(1, c.groupSize());
            v = v.repeat(1, c.groupSize());
        }
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2));
        NDArray att = scores.mul(constant(scores, (float) (1 / Math.sqrt(d)))).add(mask).softmax(-1);
        if (probe != null) {
            probe[0] = att;
        }
        NDArray o = att.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, (long) c.heads() * d);
        if (rec != null) {
            rec.linearInput(l, "o", o);
        }
        x = x.add(linear(o, Names.layer(l, "o")));
        NDArray h2 = norm(x, Names.layer(l, "mlp_norm"));
        if (rec != null) {
            rec.linearInput(l, "up", h2);
        }
        NDArray a = c.layout() == Layout.GPT2
                ? geluTanh(linear(h2, Names.layer(l, "up")))
                : silu(linear(h2, Names.layer(l, "gate"))).mul(linear(h2, Names.layer(l, "up")));
        if (rec != null) {
            rec.linearInput(l, "down", a);
        }
        return x.add(linear(a, Names.layer(l, "down")));
    }

    private NDArray linear(NDArray x, String module) {
        NDArray bias = weights.apply(Names.b(module));
        NDArray weight = w(Names.w(module));
        return (bias == null ? Linear.linear(x, weight) : Linear.linear(x, weight, bias)).singletonOrThrow();
    }

    private NDArray norm(NDArray x, String module) {
        NDArray gamma = w(Names.w(module));
        float eps = (float) c.normEps();
        if (c.layout() == Layout.LLAMA) {
            NDArray ms = x.square().mean(new int[] {-1}, true);
            return x.div(ms.add(constant(ms, eps)).sqrt()).mul(gamma);
        }
        NDArray centred = x.sub(x.mean(new int[] {-1}, true));
        NDArray var = centred.square().mean(new int[] {-1}, true);
        return centred.div(var.add(constant(var, eps)).sqrt()).mul(gamma).add(w(Names.b(module)));
    }

    /** GPT-2's "gelu_new": the tanh approximation. */
    static NDArray geluTanh(NDArray x) {
        NDArray cube = x.mul(x).mul(x);
        NDArray inner = cube.mul(constant(x, 0.044715f)).add(x).mul(constant(x, (float) Math.sqrt(2 / Math.PI)));
        NDArray tanh = inner.tanh();
        return x.mul(tanh.add(constant(x, 1f))).mul(constant(x, 0.5f));
    }

    /**
     * A scalar array kept in {@code like}'s manager until the step ends. DJL's {@code mul(Number)} wraps the
     * number in a temporary array over Java memory and closes it at once, but autograd saves that operand for
     * the backward pass: after a garbage collection the gradient read freed memory (NaN in training, only
     * when the GC ran). Scalars in differentiable code therefore go through here.
     */
    public static NDArray constant(NDArray like, float v) {
        return Owned.floats(like.getManager(), new float[] {v}, new Shape());
    }

    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** (T, past+T): 0 where query i may see key j (j <= past+i), a large negative number elsewhere. */
    static NDArray causalMask(NDManager s, int t, int past) {
        int keys = past + t;
        float[] m = new float[t * keys];
        for (int i = 0; i < t; i++) {
            for (int j = past + i + 1; j < keys; j++) {
                m[i * keys + j] = -1e9f;
            }
        }
        return Owned.floats(s, m, new Shape(t, keys));
    }

    private NDArray w(String name) {
        NDArray a = weights.apply(name);
        if (a == null && !name.equals(Names.HEAD)) {
            throw new IllegalStateException("model has no tensor '" + name + "'");
        }
        return a;
    }

    private static NDArray local(NDManager s, NDArray a) {
        a.attach(s);
        return a;
    }

    /** Mean token cross-entropy (nats) of logits (B, T, V) against targets (B, T). */
    public static NDArray crossEntropy(NDManager s, NDArray logits, long[][] targets) {
        int v = (int) logits.getShape().get(2);
        long[] flat = new long[targets.length * targets[0].length];
        for (int i = 0; i < targets.length; i++) {
            System.arraycopy(targets[i], 0, flat, i * targets[0].length, targets[0].length);
        }
        NDArray lp = logits.reshape(-1, v).logSoftmax(-1);
        NDArray picked = lp.gather(Owned.longs(s, flat, new Shape(flat.length, 1)), 1);
        return picked.mean().neg();
    }

    /** Concatenates along the last axis; used by RoPE's rotate-half. */
    static NDArray concatLast(NDArray a, NDArray b) {
        return NDArrays.concat(new NDList(a, b), -1);
    }
}
