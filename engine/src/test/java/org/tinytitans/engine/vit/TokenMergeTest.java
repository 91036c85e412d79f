package org.tinytitans.engine.vit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.lm.model.Owned;
import org.tinytitans.engine.runtime.Devices;

/** ToMe merging on DJL arrays against a plain-Java bipartite matching written here, token by token; keep 100% is the dense pass. */
class TokenMergeTest {
    static final int B = 2, N = 9, H = 5, HEADS = 2, D = 3;

    @Test
    void mergingMatchesAPlainJavaBipartiteMatching() {
        Random r = new Random(3);
        float[] x = new float[B * (N + 1) * H];
        float[] k = new float[B * HEADS * (N + 1) * D];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        for (int i = 0; i < k.length; i++) k[i] = (float) r.nextGaussian();
        for (double keep : new double[] {0.7, 0.45, 0.12}) { // one round, two rounds, three rounds
            TokenMerge plan = new TokenMerge(1, keep);
            float[] got;
            long[] shape;
            try (NDManager s = Devices.manager()) {
                NDArray out = TokenSelection.merge(s, Owned.floats(s, x, new Shape(B, N + 1, H)),
                        Owned.floats(s, k, new Shape(B, HEADS, N + 1, D)), plan);
                got = out.toFloatArray();
                shape = out.getShape().getShape();
            }
            int left = plan.kept(N);
            assertArrayEquals(new long[] {B, left + 1, H}, shape, "keep " + keep);
            for (int b = 0; b < B; b++) {
                double[][] want = reference(x, k, b, left);
                for (int t = 0; t <= left; t++) {
                    for (int h = 0; h < H; h++) {
                        assertEquals(want[t][h], got[(b * (left + 1) + t) * H + h], 1e-5, "keep " + keep + " image " + b + " token " + t);
                    }
                }
            }
        }
    }

    @Test
    void keepingEveryTokenIsTheDensePass() {
        VitConfig c = TinyVision.vit();
        try (VitModel m = new VitModel(c, HfVisionNames.vit(TinyVision.vitTensors(c, 5)))) {
            float[][] images = {TinyVision.image(c.tower(), 1), TinyVision.image(c.tower(), 2)};
            float[][] dense = m.logits(images);
            float[][] merged = m.logits(images, new TokenMerge(1, 1.0));
            for (int i = 0; i < dense.length; i++) {
                assertArrayEquals(dense[i], merged[i], 0f);
            }
        }
    }

    /** CLS, then the tokens left, for image b: ToMe's rounds over plain arrays in double precision. */
    private static double[][] reference(float[] x, float[] k, int b, int target) {
        List<double[]> tok = new ArrayList<>();
        List<double[]> met = new ArrayList<>();
        List<Double> size = new ArrayList<>();
        for (int t = 1; t <= N; t++) {
            double[] v = new double[H];
            for (int h = 0; h < H; h++) v[h] = x[(b * (N + 1) + t) * H + h];
            double[] m = new double[D];
            for (int head = 0; head < HEADS; head++) {
                for (int d = 0; d < D; d++) m[d] += k[((b * HEADS + head) * (N + 1) + t) * D + d] / (double) HEADS;
            }
            tok.add(v);
            met.add(m);
            size.add(1.0);
        }
        while (tok.size() > target) {
            int n = tok.size();
            List<Integer> a = new ArrayList<>();
            List<Integer> bs = new ArrayList<>();
            for (int i = 0; i < n; i++) (i % 2 == 0 ? a : bs).add(i);
            int rr = Math.min(n - target, a.size());
            double[] best = new double[a.size()];
            int[] to = new int[a.size()];
            for (int i = 0; i < a.size(); i++) {
                best[i] = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < bs.size(); j++) {
                    double c = cos(met.get(a.get(i)), met.get(bs.get(j)));
                    if (c > best[i]) {
                        best[i] = c;
                        to[i] = j;
                    }
                }
            }
            Integer[] order = new Integer[a.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Arrays.sort(order, (p, q) -> Double.compare(best[q], best[p]));
            boolean[] merged = new boolean[a.size()];
            double[][] sumT = new double[bs.size()][];
            double[][] sumM = new double[bs.size()][];
            double[] sumS = new double[bs.size()];
            for (int j = 0; j < bs.size(); j++) {
                double s = size.get(bs.get(j));
                sumT[j] = scale(tok.get(bs.get(j)), s);
                sumM[j] = scale(met.get(bs.get(j)), s);
                sumS[j] = s;
            }
            for (int q = 0; q < rr; q++) {
                int i = order[q];
                merged[i] = true;
                double s = size.get(a.get(i));
                add(sumT[to[i]], scale(tok.get(a.get(i)), s));
                add(sumM[to[i]], scale(met.get(a.get(i)), s));
                sumS[to[i]] += s;
            }
            List<double[]> nt = new ArrayList<>();
            List<double[]> nm = new ArrayList<>();
            List<Double> ns = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                if (!merged[i]) {
                    nt.add(tok.get(a.get(i)));
                    nm.add(met.get(a.get(i)));
                    ns.add(size.get(a.get(i)));
                }
            }
            for (int j = 0; j < bs.size(); j++) {
                nt.add(scale(sumT[j], 1 / sumS[j]));
                nm.add(scale(sumM[j], 1 / sumS[j]));
                ns.add(sumS[j]);
            }
            tok = nt;
            met = nm;
            size = ns;
        }
        double[][] out = new double[target + 1][H];
        for (int h = 0; h < H; h++) out[0][h] = x[b * (N + 1) * H + h];
        for (int t = 0; t < target; t++) out[t + 1] = tok.get(t);
        return out;
    }

    private static double cos(double[] p, double[] q) {
        double pq = 0, pp = 0, qq = 0;
        for (int i = 0; i < p.length; i++) {
            pq += p[i] * q[i];
            pp += p[i] * p[i];
            qq += q[i] * q[i];
        }
        return pq / (Math.sqrt(pp) * Math.sqrt(qq));
    }

    private static double[] scale(double[] v, double s) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) o[i] = v[i] * s;
        return o;
    }

    private static void add(double[] into, double[] v) {
        for (int i = 0; i < v.length; i++) into[i] += v[i];
    }
}
