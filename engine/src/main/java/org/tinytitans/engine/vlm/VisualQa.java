package org.tinytitans.engine.vlm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tinytitans.engine.lm.model.Inference;
import org.tinytitans.engine.lm.model.LmConfig;
import org.tinytitans.engine.lm.model.Owned;
import org.tinytitans.engine.lm.model.Transformer;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.vit.LlavaModel;
import org.tinytitans.engine.vit.MultimodalModel;

/**
 * Scores a visual multiple-choice question with a LLaVA-style model: every option's continuation is scored by
 * its summed log-probability given the image and the prompt, as the zero-shot LM tasks are (the option with the
 * highest wins, ties to the first). The options of one question go through the decoder as one batch, padded on
 * the right (causal attention: padding never reaches the positions read), over one pass of the vision tower;
 * optionally with {@link TokenDrop}.
 */
public final class VisualQa {
    private VisualQa() {}

    /**
     * One question's outcome.
     *
     * @param logLikelihoods per option
     * @param imageTokens    image tokens in the prompt
     * @param keptTokens     image tokens after layer K (all without dropping)
     * @param macs           multiply-accumulates of this scoring pass: tower, projector, decoder over every row, LM head
     */
    public record Scored(double[] logLikelihoods, int imageTokens, int keptTokens, long macs) {
        public int best() {
            int b = 0;
            for (int i = 1; i < logLikelihoods.length; i++) {
                if (logLikelihoods[i] > logLikelihoods[b]) {
                    b = i;
                }
            }
            return b;
        }
    }

    /** Scores {@code q} about {@code image} (CHW floats); {@code drop} null runs every token through every layer. */
    public static Scored score(LlavaModel model, VisualQuestion q, float[] image, TokenDrop drop) {
        LmConfig c = model.decoder().config();
        if (drop != null && drop.afterLayer() >= c.layers()) {
            throw new IllegalArgumentException("tokens are dropped after decoder layer " + drop.afterLayer() + ", but the decoder has "
                    + c.layers() + " layers; use 1 to " + (c.layers() - 1));
        }
        long[] prompt = model.expand(model.encode(q.prompt()), 1);
        int n = model.config().imageTokens();
        int a = indexOf(prompt, model.config().imageTokenIndex());
        int rows = q.choices().size();
        long[][] full = new long[rows][];
        int t = 0;
        for (int i = 0; i < rows; i++) {
            full[i] = model.expand(model.encode(q.prompt() + q.continuation(i)), 1);
            if (full[i].length <= prompt.length) {
                throw new IllegalArgumentException("choice " + i + " ('" + q.choices().get(i) + "') adds no tokens to the prompt");
            }
            t = Math.max(t, full[i].length - 1);
        }
        int width = t;
        return Inference.call(() -> {
            try (NDManager s = Devices.manager()) {
                Transformer tr = model.decoder().transformer();
                NDArray features = model.imageFeatures(s, MultimodalModel.pixels(s, model.config().vision(), new float[][] {image}));
                NDList embedded = new NDList();
                for (long[] f : full) {
                    long[] in = Arrays.copyOf(f, width);
                    Arrays.fill(in, f.length - 1, width, f[f.length - 2]); // right padding: never read
                    embedded.add(model.splice(s, in, features));
                }
                NDArray x = NDArrays.concat(embedded, 0);
                int[] kept = allPositions(width);
                long macs = model.counts().visionMacs();
                if (drop == null) {
                    x = tr.layers(s, x, 0, c.layers(), positions(rows, kept), null);
                    macs += rows * layerMacs(c, width, c.layers());
                } else {
                    NDArray[] probe = new NDArray[1];
                    x = tr.layers(s, x, 0, drop.afterLayer(), positions(rows, kept), probe);
                    kept = keep(probe[0], a, n, prompt.length, drop.kept(n), width);
                    x = x.gather(gatherIndex(s, rows, kept, (int) x.getShape().get(2)), 1);
                    x = tr.layers(s, x, drop.afterLayer(), c.layers(), positions(rows, kept), null);
                    macs += rows * (layerMacs(c, width, drop.afterLayer()) + layerMacs(c, kept.length, c.layers() - drop.afterLayer()));
                }
                NDArray logp = tr.head(s, tr.finalNorm(x)).logSoftmax(-1);
                macs += (long) rows * kept.length * c.vocab() * c.hidden();
                int[] where = new int[width];
                Arrays.fill(where, -1);
                for (int i = 0; i < kept.length; i++) {
                    where[kept[i]] = i;
                }
                float[] lp = logp.toFloatArray();
                int v = c.vocab();
                double[] ll = new double[rows];
                for (int r = 0; r < rows; r++) {
                    for (int p = prompt.length; p < full[r].length; p++) {
                        ll[r] += lp[(r * kept.length + where[p - 1]) * v + (int) full[r][p]];
                    }
                }
                return new Scored(ll, n, drop == null ? n : drop.kept(n), macs);
            }
        });
    }

    /**
     * The positions kept after the probe layer: everything but the image's tokens, and the image's
     * {@code keep} tokens that receive the most attention (mean over heads and over the prompt's queries after
     * the image; the image's own rows when nothing follows it in the prompt), in order.
     */
    static int[] keep(NDArray att, int a, int n, int promptLength, int keep, int width) {
        int from = a + n < promptLength ? a + n : a;
        NDArray rows = att.get(new NDIndex("0, :, " + from + ":" + promptLength + ", " + a + ":" + (a + n)));
        float[] received = rows.mean(new int[] {0}).mean(new int[] {0}).toFloatArray();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> received[y] != received[x] ? Float.compare(received[y], received[x]) : Integer.compare(x, y));
        boolean[] chosen = new boolean[n];
        for (int i = 0; i < keep; i++) {
            chosen[order[i]] = true;
        }
        List<Integer> out = new ArrayList<>();
        for (int p = 0; p < width; p++) {
            if (p < a || p >= a + n || chosen[p - a]) {
                out.add(p);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Multiply-accumulates of {@code layers} decoder layers over a causal sequence of {@code tokens}. */
    static long layerMacs(LmConfig c, int tokens, int layers) {
        long head = (long) c.vocab() * c.hidden();
        long sum = 0;
        for (int i = 0; i < tokens; i++) {
            sum += (c.macsPerToken(i) - head) / c.layers();
        }
        return sum * layers;
    }

    private static int[] allPositions(int t) {
        int[] p = new int[t];
        for (int i = 0; i < t; i++) {
            p[i] = i;
        }
        return p;
    }

    private static int[][] positions(int rows, int[] kept) {
        int[][] p = new int[rows][];
        Arrays.fill(p, kept);
        return p;
    }

    private static NDArray gatherIndex(NDManager s, int rows, int[] kept, int hidden) {
        long[] idx = new long[rows * kept.length * hidden];
        int at = 0;
        for (int r = 0; r < rows; r++) {
            for (int k : kept) {
                for (int h = 0; h < hidden; h++) {
                    idx[at++] = k;
                }
            }
        }
        return Owned.longs(s, idx, new Shape(rows, kept.length, hidden));
    }

    private static int indexOf(long[] ids, long id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        throw new IllegalArgumentException("the prompt has no image token");
    }
}
