package org.tinytitans.engine.vit;

import java.util.Map;
import org.tinytitans.engine.lm.model.LmConfig;
import org.tinytitans.engine.weights.Tensor;

/**
 * An independent plain-Java forward pass (double precision, no DJL) over Hugging Face tensor names, written
 * from the transformers modelling code's definitions: the patch embedding as an explicit strided convolution
 * over the 4-D weight, per-head attention loops, erf-based GELU, RMSNorm, rotary embeddings and grouped-query
 * attention for the LLaVA decoder. It shares no code with the engine's forward pass.
 */
final class RefVision {
    private final Map<String, Tensor> t;
    /** Head-averaged attention of the CLS token to each patch token in the last layer run. */
    private double[] clsAttention;

    RefVision(Map<String, Tensor> hf) {
        this.t = hf;
    }

    // ---- ViT ----

    double[] vitLogits(VitConfig c, float[] image) {
        return vitLogits(c, image, Integer.MAX_VALUE, 0, false);
    }

    /**
     * With EViT token pruning after block {@code after}: keep CLS and the {@code k} patches with the largest
     * head-averaged CLS attention in that block, in image order, plus (fuse) their attention-weighted merge.
     */
    double[] vitLogits(VitConfig c, float[] image, int after, int k, boolean fuse) {
        VisionTower tw = c.tower();
        EncoderConfig e = tw.encoder();
        double[][] x = patches(tw, image, "vit.embeddings.patch_embeddings.projection.", true);
        double[] cls = row("vit.embeddings.cls_token", 0, tw.hidden());
        x = withCls(cls, x);
        addRows(x, "vit.embeddings.position_embeddings");
        for (int l = 0; l < e.layers(); l++) {
            String p = "vit.encoder.layer." + l + ".";
            x = layer(x, e, p + "layernorm_before", p + "attention.attention.query", p + "attention.attention.key",
                    p + "attention.attention.value", p + "attention.output.dense", p + "layernorm_after",
                    p + "intermediate.dense", p + "output.dense", false);
            if (l + 1 == after) {
                x = keepTokens(x, k, fuse);
            }
        }
        double[][] h = layerNorm(x, "vit.layernorm", e.normEps());
        return linear(new double[][] {h[0]}, "classifier", true)[0];
    }

    private double[][] keepTokens(double[][] x, int k, boolean fuse) {
        int n = x.length - 1;
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(clsAttention[q], clsAttention[p]));
        boolean[] kept = new boolean[n];
        for (int j = 0; j < k; j++) {
            kept[order[j]] = true;
        }
        java.util.List<double[]> out = new java.util.ArrayList<>();
        out.add(x[0]);
        double total = 0;
        double[] merged = new double[x[0].length];
        for (int j = 0; j < n; j++) {
            if (kept[j]) {
                out.add(x[j + 1]);
            } else {
                total += clsAttention[j];
                for (int z = 0; z < merged.length; z++) {
                    merged[z] += clsAttention[j] * x[j + 1][z];
                }
            }
        }
        if (fuse && k < n) {
            for (int z = 0; z < merged.length; z++) {
                merged[z] /= total;
            }
            out.add(merged);
        }
        return out.toArray(new double[0][]);
    }

    // ---- CLIP ----

    /** Hidden states of a CLIP vision tower after {@code layers} layers (index 0 = after pre_layrnorm). */
    double[][] clipVisionHidden(String prefix, VisionTower tw, float[] image, int layers) {
        double[][] x = withCls(row(prefix + "embeddings.class_embedding", 0, tw.hidden()),
                patches(tw, image, prefix + "embeddings.patch_embedding.", false));
        addRows(x, prefix + "embeddings.position_embedding.weight");
        x = layerNorm(x, prefix + "pre_layrnorm", tw.encoder().normEps());
        for (int l = 0; l < layers; l++) {
            x = clipLayer(x, tw.encoder(), prefix + "encoder.layers." + l + ".", false);
        }
        return x;
    }

    double[] clipImageEmbed(ClipConfig c, float[] image) {
        EncoderConfig e = c.vision().encoder();
        double[][] x = clipVisionHidden("vision_model.", c.vision(), image, e.layers());
        double[][] pooled = layerNorm(new double[][] {x[0]}, "vision_model.post_layernorm", e.normEps());
        return linear(pooled, "visual_projection", false)[0];
    }

    double[] clipTextEmbed(ClipConfig c, long[] ids) {
        EncoderConfig e = c.text().encoder();
        int n = ids.length;
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = row("text_model.embeddings.token_embedding.weight", (int) ids[i], e.hidden());
            double[] pos = row("text_model.embeddings.position_embedding.weight", i, e.hidden());
            for (int j = 0; j < e.hidden(); j++) {
                x[i][j] += pos[j];
            }
        }
        for (int l = 0; l < e.layers(); l++) {
            x = clipLayer(x, e, "text_model.encoder.layers." + l + ".", true);
        }
        x = layerNorm(x, "text_model.final_layer_norm", e.normEps());
        int eos = 0; // legacy eos_token_id 2: the largest id
        for (int i = 0; i < n; i++) {
            if (ids[i] > ids[eos]) {
                eos = i;
            }
        }
        return linear(new double[][] {x[eos]}, "text_projection", false)[0];
    }

    double[][] clipLogitsPerImage(ClipConfig c, float[][] images, long[][] prompts) {
        double scale = Math.exp(t.get("logit_scale").values()[0]);
        double[][] out = new double[images.length][prompts.length];
        for (int i = 0; i < images.length; i++) {
            double[] a = unit(clipImageEmbed(c, images[i]));
            for (int j = 0; j < prompts.length; j++) {
                double[] b = unit(clipTextEmbed(c, prompts[j]));
                double dot = 0;
                for (int k = 0; k < a.length; k++) {
                    dot += a[k] * b[k];
                }
                out[i][j] = scale * dot;
            }
        }
        return out;
    }

    // ---- LLaVA ----

    /** Logits (T', vocab) for {@code ids} with one image token per image, old (pre-4.52) tensor names. */
    double[][] llavaLogits(LlavaConfig c, long[] ids, float[][] images) {
        return llavaLogits(c, ids, images, 0, 0, 0, null);
    }

    /**
     * The same with FastV-style dropping of the single image's tokens after decoder layer {@code dropAfter}
     * (1-based; 0: none): the image tokens receiving the least attention in that layer (mean over heads and
     * over the queries from the end of the image to {@code promptLength}) are removed and the rest keep their
     * positions. Logits of the kept positions; {@code keptOut} (if not null) receives their original indices.
     */
    double[][] llavaLogits(LlavaConfig c, long[] ids, float[][] images, int dropAfter, int keep, int promptLength,
                           java.util.List<Integer> keptOut) {
        VisionTower tw = c.vision();
        int run = c.featureLayer() < 0 ? tw.encoder().layers() + 1 + c.featureLayer() : c.featureLayer();
        LmConfig lm = c.text();
        java.util.List<double[]> seq = new java.util.ArrayList<>();
        int image = 0;
        for (long id : ids) {
            if (id == c.imageTokenIndex()) {
                double[][] f = clipVisionHidden("vision_tower.vision_model.", tw, images[image++], run);
                double[][] kept = c.dropCls() ? java.util.Arrays.copyOfRange(f, 1, f.length) : f;
                double[][] p = linear(kept, "multi_modal_projector.linear_1", true);
                gelu(p);
                p = linear(p, "multi_modal_projector.linear_2", true);
                java.util.Collections.addAll(seq, p);
            } else {
                seq.add(row("language_model.model.embed_tokens.weight", (int) id, lm.hidden()));
            }
        }
        double[][] x = seq.toArray(new double[0][]);
        int[] pos = new int[x.length];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = i;
        }
        int imageAt = 0;
        while (ids[imageAt] != c.imageTokenIndex()) {
            imageAt++;
        }
        int d = lm.headDim();
        int group = lm.heads() / lm.kvHeads();
        for (int l = 0; l < lm.layers(); l++) {
            if (dropAfter > 0 && l == dropAfter) {
                java.util.List<Integer> kept = keptRows(pos.length, imageAt, c.imageTokens(), keep);
                double[][] nx = new double[kept.size()][];
                int[] np = new int[kept.size()];
                for (int i = 0; i < kept.size(); i++) {
                    nx[i] = x[kept.get(i)];
                    np[i] = pos[kept.get(i)];
                }
                x = nx;
                pos = np;
                if (keptOut != null) {
                    keptOut.addAll(kept);
                }
            }
            int n = x.length;
            boolean probe = dropAfter > 0 && l == dropAfter - 1;
            if (probe) {
                received = new double[c.imageTokens()];
            }
            String p = "language_model.model.layers." + l + ".";
            double[][] h = rmsNorm(x, p + "input_layernorm.weight", lm.normEps());
            double[][] q = rope(linear(h, p + "self_attn.q_proj", false), lm, pos);
            double[][] k = rope(linear(h, p + "self_attn.k_proj", false), lm, pos);
            double[][] v = linear(h, p + "self_attn.v_proj", false);
            double[][] att = new double[n][lm.heads() * d];
            for (int hd = 0; hd < lm.heads(); hd++) {
                int kh = hd / group;
                for (int i = 0; i < n; i++) {
                    double[] s = new double[i + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        for (int z = 0; z < d; z++) {
                            s[j] += q[i][hd * d + z] * k[j][kh * d + z];
                        }
                        s[j] /= Math.sqrt(d);
                        max = Math.max(max, s[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= i; j++) {
                        s[j] = Math.exp(s[j] - max);
                        sum += s[j];
                    }
                    for (int j = 0; j <= i; j++) {
                        for (int z = 0; z < d; z++) {
                            att[i][hd * d + z] += s[j] / sum * v[j][kh * d + z];
                        }
                    }
                    int from = imageAt + c.imageTokens();
                    if (probe && i >= from && i < promptLength) {
                        for (int j = 0; j < c.imageTokens(); j++) {
                            received[j] += s[imageAt + j] / sum;
                        }
                    }
                }
            }
            add(x, linear(att, p + "self_attn.o_proj", false));
            double[][] h2 = rmsNorm(x, p + "post_attention_layernorm.weight", lm.normEps());
            double[][] g = linear(h2, p + "mlp.gate_proj", false);
            double[][] u = linear(h2, p + "mlp.up_proj", false);
            for (int i = 0; i < n; i++) {
                for (int z = 0; z < g[i].length; z++) {
                    g[i][z] = g[i][z] / (1 + Math.exp(-g[i][z])) * u[i][z];
                }
            }
            add(x, linear(g, p + "mlp.down_proj", false));
        }
        return linear(rmsNorm(x, "language_model.model.norm.weight", lm.normEps()), "language_model.lm_head", false);
    }

    /** Attention each image token received in the probe layer (summed; only the order matters). */
    private double[] received;

    /** All rows but the image's, and the image's {@code keep} most attended ones (ties: the earlier), in order. */
    private java.util.List<Integer> keptRows(int n, int imageAt, int imageTokens, int keep) {
        Integer[] order = new Integer[imageTokens];
        for (int i = 0; i < imageTokens; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> received[b] != received[a] ? Double.compare(received[b], received[a]) : Integer.compare(a, b));
        java.util.Set<Integer> chosen = new java.util.HashSet<>(java.util.Arrays.asList(order).subList(0, keep));
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i < imageAt || i >= imageAt + imageTokens || chosen.contains(i - imageAt)) {
                out.add(i);
            }
        }
        return out;
    }

    // ---- pieces ----

    /** A stride-p convolution over the CHW image with the (hidden, C, p, p) weight: (patches, hidden), row-major patch order. */
    private double[][] patches(VisionTower tw, float[] image, String conv, boolean bias) {
        Tensor w = t.get(conv + "weight");
        int h = tw.hidden();
        int c = tw.channels();
        int p = tw.patchSize();
        int size = tw.imageSize();
        int g = size / p;
        double[][] out = new double[g * g][h];
        for (int gy = 0; gy < g; gy++) {
            for (int gx = 0; gx < g; gx++) {
                for (int o = 0; o < h; o++) {
                    double s = bias ? t.get(conv + "bias").values()[o] : 0;
                    for (int ch = 0; ch < c; ch++) {
                        for (int ky = 0; ky < p; ky++) {
                            for (int kx = 0; kx < p; kx++) {
                                s += w.values()[((o * c + ch) * p + ky) * p + kx] * image[(ch * size + gy * p + ky) * size + gx * p + kx];
                            }
                        }
                    }
                    out[gy * g + gx][o] = s;
                }
            }
        }
        return out;
    }

    private double[][] clipLayer(double[][] x, EncoderConfig e, String p, boolean causal) {
        return layer(x, e, p + "layer_norm1", p + "self_attn.q_proj", p + "self_attn.k_proj", p + "self_attn.v_proj",
                p + "self_attn.out_proj", p + "layer_norm2", p + "mlp.fc1", p + "mlp.fc2", causal);
    }

    private double[][] layer(double[][] x, EncoderConfig e, String ln1, String q, String k, String v, String o, String ln2,
                             String fc1, String fc2, boolean causal) {
        int n = x.length;
        int d = e.headDim();
        double[][] h = layerNorm(x, ln1, e.normEps());
        double[][] qq = linear(h, q, true);
        double[][] kk = linear(h, k, true);
        double[][] vv = linear(h, v, true);
        double[][] att = new double[n][e.hidden()];
        double[] cls = new double[n - 1];
        clsAttention = cls;
        for (int hd = 0; hd < e.heads(); hd++) {
            for (int i = 0; i < n; i++) {
                int last = causal ? i : n - 1;
                double[] s = new double[last + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= last; j++) {
                    for (int z = 0; z < d; z++) {
                        s[j] += qq[i][hd * d + z] * kk[j][hd * d + z];
                    }
                    s[j] /= Math.sqrt(d);
                    max = Math.max(max, s[j]);
                }
                double sum = 0;
                for (int j = 0; j <= last; j++) {
                    s[j] = Math.exp(s[j] - max);
                    sum += s[j];
                }
                for (int j = 0; j <= last; j++) {
                    for (int z = 0; z < d; z++) {
                        att[i][hd * d + z] += s[j] / sum * vv[j][hd * d + z];
                    }
                    if (i == 0 && j > 0) {
                        cls[j - 1] += s[j] / sum / e.heads();
                    }
                }
            }
        }
        double[][] y = copy(x);
        add(y, linear(att, o, true));
        double[][] a = linear(layerNorm(y, ln2, e.normEps()), fc1, true);
        for (double[] r : a) {
            for (int i = 0; i < r.length; i++) {
                r[i] = switch (e.act()) {
                    case GELU -> 0.5 * r[i] * (1 + erf(r[i] / Math.sqrt(2)));
                    case QUICK_GELU -> r[i] / (1 + Math.exp(-1.702 * r[i]));
                    case GELU_TANH -> 0.5 * r[i] * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (r[i] + 0.044715 * r[i] * r[i] * r[i])));
                };
            }
        }
        add(y, linear(a, fc2, true));
        return y;
    }

    private static void gelu(double[][] a) {
        for (double[] r : a) {
            for (int i = 0; i < r.length; i++) {
                r[i] = 0.5 * r[i] * (1 + erf(r[i] / Math.sqrt(2)));
            }
        }
    }

    /**
     * erf by its Maclaurin series for |x| < 3 (terms fall below 1e-17 well before 100) and by
     * 1 - erfc's continued fraction beyond; accurate to about 1e-15, far below the test's tolerance.
     */
    static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 3) {
            double sum = 0;
            double term = ax;
            for (int n = 0; n < 200; n++) {
                sum += term / (2 * n + 1);
                term *= -ax * ax / (n + 1);
                if (Math.abs(term) < 1e-18) {
                    break;
                }
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            double f = 0;
            for (int k = 60; k >= 1; k--) {
                f = k / 2.0 / (ax + f);
            }
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
        }
        return x < 0 ? -r : r;
    }

    private double[][] rope(double[][] x, LmConfig c, int[] positions) {
        int d = c.headDim();
        double[][] y = copy(x);
        for (int pos = 0; pos < x.length; pos++) {
            for (int hd = 0; hd < x[pos].length / d; hd++) {
                for (int i = 0; i < d / 2; i++) {
                    double angle = positions[pos] * Math.pow(c.ropeTheta(), -2.0 * i / d);
                    double a = x[pos][hd * d + i];
                    double b = x[pos][hd * d + i + d / 2];
                    y[pos][hd * d + i] = a * Math.cos(angle) - b * Math.sin(angle);
                    y[pos][hd * d + i + d / 2] = b * Math.cos(angle) + a * Math.sin(angle);
                }
            }
        }
        return y;
    }

    private double[][] rmsNorm(double[][] x, String name, double eps) {
        float[] g = t.get(name).values();
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double ms = 0;
            for (double v : x[i]) {
                ms += v * v;
            }
            ms /= x[i].length;
            y[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                y[i][j] = x[i][j] / Math.sqrt(ms + eps) * g[j];
            }
        }
        return y;
    }

    private double[][] layerNorm(double[][] x, String name, double eps) {
        float[] g = t.get(name + ".weight").values();
        float[] b = t.get(name + ".bias").values();
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double mean = 0;
            for (double v : x[i]) {
                mean += v;
            }
            mean /= x[i].length;
            double var = 0;
            for (double v : x[i]) {
                var += (v - mean) * (v - mean);
            }
            var /= x[i].length;
            y[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                y[i][j] = (x[i][j] - mean) / Math.sqrt(var + eps) * g[j] + b[j];
            }
        }
        return y;
    }

    /** x W^T (+ b) for the (out, in) weight {@code module.weight}. */
    private double[][] linear(double[][] x, String module, boolean bias) {
        Tensor w = t.get(module + ".weight");
        int out = (int) w.shape()[0];
        int in = (int) w.shape()[1];
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = bias ? t.get(module + ".bias").values()[o] : 0;
                for (int c = 0; c < in; c++) {
                    s += x[i][c] * w.values()[o * in + c];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    /** Row r of a tensor whose last axis has {@code width} values (any leading 1s ignored). */
    private double[] row(String name, int r, int width) {
        float[] v = t.get(name).values();
        double[] out = new double[width];
        for (int j = 0; j < width; j++) {
            out[j] = v[r * width + j];
        }
        return out;
    }

    private void addRows(double[][] x, String name) {
        for (int i = 0; i < x.length; i++) {
            double[] p = row(name, i, x[i].length);
            for (int j = 0; j < p.length; j++) {
                x[i][j] += p[j];
            }
        }
    }

    private static double[][] withCls(double[] cls, double[][] patches) {
        double[][] x = new double[patches.length + 1][];
        x[0] = cls;
        System.arraycopy(patches, 0, x, 1, patches.length);
        return x;
    }

    private static void add(double[][] x, double[][] y) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] += y[i][j];
            }
        }
    }

    private static double[][] copy(double[][] x) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
        }
        return y;
    }

    private static double[] unit(double[] v) {
        double n = 0;
        for (double x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / n;
        }
        return out;
    }
}
