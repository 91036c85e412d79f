package org.tinytitans.engine.vit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tinytitans.engine.lm.prune.Ranking;
import org.tinytitans.engine.weights.Tensor;

/**
 * Structured pruning of a ViT/DeiT classifier, physically: a new {@link VitModel} with smaller matrices (MLP hidden
 * units, attention heads) or fewer encoder blocks. {@link VitConfig} has one width for every block, so every block loses the same number of
 * units (each keeps its own best ones). The scores are those of the language pruners (engine/lm/prune) on the
 * encoder's own names: magnitude of an MLP hidden unit = L2 norm of its fc1 row and fc2 column; magnitude (l1)
 * of a block = the mean |w| over its linear layers; random = a seeded shuffle.
 */
public final class VitPrune {
    /** How units or blocks are scored; the lowest go. */
    public enum Score { MAGNITUDE, RANDOM }

    private VitPrune() {}

    /** Units each block loses for a removed fraction {@code ratio} of {@code n}; at least one stays. */
    public static int removed(double ratio, int n) {
        return Math.max(0, Math.min(n - 1, (int) Math.round(ratio * n)));
    }

    /** The model with {@code remove} MLP hidden units gone from every block (fc1 rows and bias, fc2 columns). */
    public static VitModel neurons(VitModel m, int remove, Score score, long seed) {
        VitConfig c = m.config();
        EncoderConfig e = c.tower().encoder();
        int n = e.intermediate();
        if (remove < 1 || remove >= n) {
            throw new IllegalArgumentException("cannot remove " + remove + " of " + n + " MLP hidden units per block");
        }
        Map<String, Tensor> w = new LinkedHashMap<>(m.weights());
        for (int l = 0; l < e.layers(); l++) {
            String up = VisionNames.layer("", l, "up");
            String down = VisionNames.layer("", l, "down");
            double[] s = score == Score.RANDOM ? Ranking.random(n, seed + l) : neuronMagnitude(w.get(up + ".w"), w.get(down + ".w"));
            int[] keep = Ranking.keepHighest(s, n - remove);
            w.put(up + ".w", rows(w.get(up + ".w"), keep));
            w.put(up + ".b", rows(w.get(up + ".b"), keep));
            w.put(down + ".w", cols(w.get(down + ".w"), keep));
        }
        return new VitModel(c.withTower(c.tower().withEncoder(e.withIntermediate(n - remove))), w);
    }

    /**
     * The model with {@code remove} attention heads gone from every block: their rows of q, k, v (and biases) and
     * their columns of the output projection. Magnitude scores a head by the L2 norm of its slice of the output
     * projection (what it writes into the residual stream).
     */
    public static VitModel heads(VitModel m, int remove, Score score, long seed) {
        VitConfig c = m.config();
        EncoderConfig e = c.tower().encoder();
        int n = e.heads();
        int d = e.headDim();
        if (remove < 1 || remove >= n) {
            throw new IllegalArgumentException("cannot remove " + remove + " of " + n + " attention heads per block: at least one must stay");
        }
        Map<String, Tensor> w = new LinkedHashMap<>(m.weights());
        for (int l = 0; l < e.layers(); l++) {
            String o = VisionNames.layer("", l, "o") + ".w";
            double[] s = score == Score.RANDOM ? Ranking.random(n, seed + l) : headMagnitude(w.get(o), n, d);
            int[] heads = Ranking.keepHighest(s, n - remove);
            int[] keep = new int[heads.length * d];
            for (int i = 0; i < heads.length; i++) {
                for (int j = 0; j < d; j++) {
                    keep[i * d + j] = heads[i] * d + j;
                }
            }
            for (String x : new String[] {"q", "k", "v"}) {
                String base = VisionNames.layer("", l, x);
                w.put(base + ".w", rows(w.get(base + ".w"), keep));
                w.put(base + ".b", rows(w.get(base + ".b"), keep));
            }
            w.put(o, cols(w.get(o), keep));
        }
        return new VitModel(c.withTower(c.tower().withEncoder(e.withHeads(n - remove))), w);
    }

    /**
     * The model with the smallest-magnitude weights of every encoder linear layer (q, k, v, o, fc1, fc2; not
     * biases, norms, embeddings or the head) set to zero: {@code ratio} of each matrix, or, with a pattern
     * {@code keep}:{@code group} (group > 0), all but the {@code keep} largest |w| of every {@code group}
     * consecutive weights along a row (the input axis, as N:M sparse kernels want). Shapes do not change.
     */
    public static VitModel weights(VitModel m, double ratio, int keep, int group) {
        EncoderConfig e = m.config().tower().encoder();
        Map<String, Tensor> w = new LinkedHashMap<>(m.weights());
        for (int l = 0; l < e.layers(); l++) {
            for (String x : VisionNames.LINEARS) {
                String name = VisionNames.layer("", l, x) + ".w";
                Tensor t = w.get(name);
                float[] v = t.values().clone();
                if (group > 0) {
                    int in = (int) t.shape()[1];
                    if (in % group != 0) {
                        throw new IllegalArgumentException(name + " has rows of " + in + ", not a multiple of the pattern's " + group);
                    }
                    for (int g = 0; g < v.length; g += group) {
                        zeroSmallest(v, g, group, group - keep);
                    }
                } else {
                    zeroSmallest(v, 0, v.length, (int) Math.round(ratio * v.length));
                }
                w.put(name, new Tensor(t.shape(), v));
            }
        }
        return new VitModel(m.config(), w);
    }

    /** Zeroes the {@code n} smallest |v| of v[from, from + len) (ties: the earlier one goes first). */
    private static void zeroSmallest(float[] v, int from, int len, int n) {
        Integer[] idx = new Integer[len];
        for (int i = 0; i < len; i++) {
            idx[i] = from + i;
        }
        Arrays.sort(idx, (a, b) -> Math.abs(v[a]) != Math.abs(v[b]) ? Float.compare(Math.abs(v[a]), Math.abs(v[b])) : Integer.compare(a, b));
        for (int i = 0; i < n; i++) {
            v[idx[i]] = 0f;
        }
    }

    /** Parameters that are not zero. */
    public static long nonzero(VitModel m) {
        long n = 0;
        for (Tensor t : m.weights().values()) {
            for (float x : t.values()) {
                n += x != 0f ? 1 : 0;
            }
        }
        return n;
    }

    /** L2 norm of each head's {@code d} columns of the output projection (hidden, heads·d). */
    static double[] headMagnitude(Tensor o, int heads, int d) {
        int h = (int) o.shape()[0];
        int in = (int) o.shape()[1];
        double[] s = new double[heads];
        for (int r = 0; r < h; r++) {
            for (int col = 0; col < in; col++) {
                double v = o.values()[r * in + col];
                s[col / d] += v * v;
            }
        }
        for (int i = 0; i < heads; i++) {
            s[i] = Math.sqrt(s[i]);
        }
        return s;
    }

    /** The model without {@code remove} whole encoder blocks; the rest keep their order and are renumbered. */
    public static VitModel layers(VitModel m, int remove, Score score, long seed) {
        VitConfig c = m.config();
        EncoderConfig e = c.tower().encoder();
        int n = e.layers();
        if (remove < 1 || remove >= n) {
            throw new IllegalArgumentException("cannot remove " + remove + " of " + n + " encoder blocks: at least one must stay");
        }
        Map<String, Tensor> w = m.weights();
        double[] s = new double[n];
        if (score == Score.RANDOM) {
            s = Ranking.random(n, seed);
        } else {
            for (int l = 0; l < n; l++) {
                double sum = 0;
                long count = 0;
                for (String x : VisionNames.LINEARS) {
                    for (float v : w.get(VisionNames.layer("", l, x) + ".w").values()) {
                        sum += Math.abs(v);
                        count++;
                    }
                }
                s[l] = sum / count;
            }
        }
        int[] keep = Ranking.keepHighest(s, n - remove);
        Map<String, Tensor> out = new LinkedHashMap<>();
        String prefix = "layers.";
        for (Map.Entry<String, Tensor> x : w.entrySet()) {
            if (!x.getKey().startsWith(prefix)) {
                out.put(x.getKey(), x.getValue());
            }
        }
        for (int i = 0; i < keep.length; i++) {
            String from = prefix + keep[i] + ".";
            for (Map.Entry<String, Tensor> x : w.entrySet()) {
                if (x.getKey().startsWith(from)) {
                    out.put(prefix + i + "." + x.getKey().substring(from.length()), x.getValue());
                }
            }
        }
        return new VitModel(c.withTower(c.tower().withEncoder(e.withLayers(n - remove))), out);
    }

    static double[] neuronMagnitude(Tensor up, Tensor down) {
        int n = (int) up.shape()[0];
        int in = (int) up.shape()[1];
        int h = (int) down.shape()[0];
        double[] s = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < in; i++) {
                double v = up.values()[j * in + i];
                s[j] += v * v;
            }
            for (int r = 0; r < h; r++) {
                double v = down.values()[r * n + j];
                s[j] += v * v;
            }
            s[j] = Math.sqrt(s[j]);
        }
        return s;
    }

    /** Rows {@code keep} of a matrix (or entries of a vector). */
    static Tensor rows(Tensor t, int[] keep) {
        int width = t.shape().length == 1 ? 1 : (int) t.shape()[1];
        float[] v = new float[keep.length * width];
        for (int i = 0; i < keep.length; i++) {
            System.arraycopy(t.values(), keep[i] * width, v, i * width, width);
        }
        long[] shape = t.shape().clone();
        shape[0] = keep.length;
        return new Tensor(shape, v);
    }

    /** Columns {@code keep} of a matrix (out, in). */
    static Tensor cols(Tensor t, int[] keep) {
        int h = (int) t.shape()[0];
        int in = (int) t.shape()[1];
        float[] v = new float[h * keep.length];
        for (int r = 0; r < h; r++) {
            for (int i = 0; i < keep.length; i++) {
                v[r * keep.length + i] = t.values()[r * in + keep[i]];
            }
        }
        return new Tensor(new long[] {h, keep.length}, v);
    }
}
