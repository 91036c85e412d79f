package org.tinytitans.engine.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.graph.Layer;
import org.tinytitans.engine.model.Network;
import org.tinytitans.language.resolve.Pattern;

/**
 * Unstructured pruning: zeroes single conv and dense kernel weights in place (biases and BN untouched).
 * Per-layer removes {@code round(ratio * n)} of each kernel, global the lowest scores over all kernels, and an
 * N:M pattern keeps the N highest of every M consecutive weights along the input channels (at each output and
 * kernel position), skipping kernels whose input channels are not a multiple of M. Shapes do not change, so
 * dense-kernel latency does not either: only nonzero counts do.
 */
public final class WeightPruning {

    /** @param sparsity zeroed / total over the pruned kernels; skipped lists kernels an N:M pattern cannot tile */
    public record Result(long zeroed, long total, double sparsity, long nonzeroParams, List<String> skipped) {}

    private WeightPruning() {}

    public static boolean prunable(Layer l) {
        return l.kind() == Kind.CONV || l.kind() == Kind.DENSE;
    }

    public static long kernelSize(Layer l) {
        return l.kind() == Kind.CONV ? (long) l.out() * (l.in() / l.groups()) * l.kernel() * l.kernel() : (long) l.in() * l.out();
    }

    /** How single weights are scored; the method registry (org.tinytitans.engine.methods) names them. */
    public enum Rule { MAGNITUDE, RANDOM }

    /** Magnitude (|w|) or random scores. */
    public static Result apply(Network net, Rule criterion, double ratio, Scope scope, Pattern pattern, List<String> exclude, long seed) {
        Random rnd = new Random(seed);
        Map<String, float[]> scores = new LinkedHashMap<>();
        for (String t : targets(net, exclude)) {
            float[] w = net.get(t);
            float[] s = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                s[i] = switch (criterion) {
                    case MAGNITUDE -> Math.abs(w[i]);
                    case RANDOM -> rnd.nextFloat();
                };
            }
            scores.put(t, s);
        }
        return apply(net, scores, ratio, scope, pattern);
    }

    /** Zeroes by given scores (lower = removed first), keyed by kernel tensor name ({@code layer.weight}). */
    public static Result apply(Network net, Map<String, float[]> scores, double ratio, Scope scope, Pattern pattern) {
        List<String> skipped = new ArrayList<>();
        long zeroed = 0, total = 0;
        if (pattern != null) {
            for (Map.Entry<String, float[]> e : scores.entrySet()) {
                long[] shape = net.shapeOf(e.getKey());
                if (shape[1] % pattern.group() != 0) {
                    skipped.add(e.getKey());
                    continue;
                }
                float[] w = net.get(e.getKey());
                zeroed += nm(w, e.getValue(), shape, pattern.keep(), pattern.group());
                total += w.length;
                net.set(e.getKey(), w);
            }
        } else if (scope == Scope.PER_LAYER) {
            for (Map.Entry<String, float[]> e : scores.entrySet()) {
                float[] w = net.get(e.getKey());
                zeroed += zeroLowest(w, e.getValue(), Rounding.count(ratio, w.length));
                total += w.length;
                net.set(e.getKey(), w);
            }
        } else {
            float[] all = concat(scores.values());
            int k = Rounding.count(ratio, all.length);
            total = all.length;
            if (k > 0) {
                float[] sorted = all.clone();
                Arrays.sort(sorted);
                float thr = sorted[k - 1];
                long below = 0;
                for (float s : all) {
                    if (s < thr) {
                        below++;
                    }
                }
                long atThr = k - below; // ties at the threshold are taken in tensor order
                for (Map.Entry<String, float[]> e : scores.entrySet()) {
                    float[] w = net.get(e.getKey());
                    float[] s = e.getValue();
                    for (int i = 0; i < w.length; i++) {
                        if (s[i] < thr || (s[i] == thr && atThr-- > 0)) {
                            w[i] = 0f;
                            zeroed++;
                        }
                    }
                    net.set(e.getKey(), w);
                }
            }
        }
        return new Result(zeroed, total, total == 0 ? 0 : (double) zeroed / total, net.nonzeroParams(), skipped);
    }

    static List<String> targets(Network net, List<String> exclude) {
        Globs skip = Globs.of(exclude);
        return net.graph().layers().stream().filter(WeightPruning::prunable).filter(l -> !skip.matches(l.name()))
                .map(l -> l.name() + ".weight").toList();
    }

    private static int zeroLowest(float[] w, float[] s, int k) {
        int[] order = FilterPlanner.ascending(s);
        for (int i = 0; i < k; i++) {
            w[order[i]] = 0f;
        }
        return k;
    }

    /** Along axis 1 (input channels) in groups of m at each (out, kh, kw): zero the m-n lowest scores. */
    private static long nm(float[] w, float[] s, long[] shape, int n, int m) {
        int out = (int) shape[0], in = (int) shape[1];
        int inner = w.length / (out * in);
        long zeroed = 0;
        float[] gs = new float[m];
        for (int o = 0; o < out; o++) {
            for (int p = 0; p < inner; p++) {
                for (int g = 0; g < in; g += m) {
                    for (int j = 0; j < m; j++) {
                        gs[j] = s[(o * in + g + j) * inner + p];
                    }
                    int[] order = FilterPlanner.ascending(gs);
                    for (int j = 0; j < m - n; j++) {
                        w[(o * in + g + order[j]) * inner + p] = 0f;
                        zeroed++;
                    }
                }
            }
        }
        return zeroed;
    }

    private static float[] concat(java.util.Collection<float[]> parts) {
        float[] c = new float[parts.stream().mapToInt(a -> a.length).sum()];
        int pos = 0;
        for (float[] a : parts) {
            System.arraycopy(a, 0, c, pos, a.length);
            pos += a.length;
        }
        return c;
    }
}
