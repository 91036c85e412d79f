package org.tinytitans.engine.lm.model;

import java.util.Map;
import org.tinytitans.engine.weights.Tensor;

/**
 * An independent plain-Java forward pass over Hugging Face tensors (double precision, one sequence, no
 * cache, no DJL), the reference the DJL model is checked against.
 */
public final class RefLm {
    private final Map<String, Tensor> t;
    private final boolean gpt2;
    private final int e;
    private final int heads;
    private final int kv;
    private final int d;
    private final double eps;

    RefLm(Map<String, Tensor> hf, boolean gpt2, int hidden, int heads, int kvHeads, int headDim, double eps) {
        this.t = hf;
        this.gpt2 = gpt2;
        this.e = hidden;
        this.heads = heads;
        this.kv = kvHeads;
        this.d = headDim;
        this.eps = eps;
    }

    double[][] logits(long[] ids, int layers) {
        int n = ids.length;
        double[][] x = new double[n][e];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < e; j++) {
                x[i][j] = get(gpt2 ? "wte.weight" : "model.embed_tokens.weight", (int) ids[i], j)
                        + (gpt2 ? get("wpe.weight", i, j) : 0);
            }
        }
        for (int l = 0; l < layers; l++) {
            String p = gpt2 ? "h." + l + "." : "model.layers." + l + ".";
            double[][] h = norm(x, gpt2 ? p + "ln_1" : p + "input_layernorm");
            double[][] q;
            double[][] k;
            double[][] v;
            if (gpt2) {
                double[][] qkv = conv1d(h, p + "attn.c_attn");
                q = cols(qkv, 0, e);
                k = cols(qkv, e, 2 * e);
                v = cols(qkv, 2 * e, 3 * e);
            } else {
                q = rope(linear(h, p + "self_attn.q_proj.weight"));
                k = rope(linear(h, p + "self_attn.k_proj.weight"));
                v = linear(h, p + "self_attn.v_proj.weight");
            }
            double[][] att = new double[n][heads * d];
            int group = heads / kv;
            for (int hd = 0; hd < heads; hd++) {
                int kh = hd / group;
                for (int i = 0; i < n; i++) {
                    double[] s = new double[i + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        for (int c = 0; c < d; c++) {
                            s[j] += q[i][hd * d + c] * k[j][kh * d + c];
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
                        for (int c = 0; c < d; c++) {
                            att[i][hd * d + c] += s[j] / sum * v[j][kh * d + c];
                        }
                    }
                }
            }
            add(x, gpt2 ? conv1d(att, p + "attn.c_proj") : linear(att, p + "self_attn.o_proj.weight"));
            double[][] h2 = norm(x, gpt2 ? p + "ln_2" : p + "post_attention_layernorm");
            double[][] a;
            if (gpt2) {
                a = conv1d(h2, p + "mlp.c_fc");
                for (double[] row : a) {
                    for (int c = 0; c < row.length; c++) {
                        double z = row[c];
                        row[c] = 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z * z * z)));
                    }
                }
                add(x, conv1d(a, p + "mlp.c_proj"));
            } else {
                double[][] g = linear(h2, p + "mlp.gate_proj.weight");
                double[][] u = linear(h2, p + "mlp.up_proj.weight");
                for (int i = 0; i < n; i++) {
                    for (int c = 0; c < g[i].length; c++) {
                        g[i][c] = g[i][c] / (1 + Math.exp(-g[i][c])) * u[i][c];
                    }
                }
                add(x, linear(g, p + "mlp.down_proj.weight"));
            }
        }
        double[][] h = norm(x, gpt2 ? "ln_f" : "model.norm");
        return linear(h, gpt2 ? "wte.weight" : t.containsKey("lm_head.weight") ? "lm_head.weight" : "model.embed_tokens.weight");
    }

    private double get(String name, int i, int j) {
        Tensor w = t.get(name);
        return w.values()[i * (int) w.shape()[1] + j];
    }

    /** x W^T for W (out, in). */
    private double[][] linear(double[][] x, String name) {
        Tensor w = t.get(name);
        int out = (int) w.shape()[0];
        int in = (int) w.shape()[1];
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int c = 0; c < in; c++) {
                    s += x[i][c] * w.values()[o * in + c];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    /** GPT-2's Conv1D: x W + b for W (in, out). */
    private double[][] conv1d(double[][] x, String name) {
        Tensor w = t.get(name + ".weight");
        Tensor b = t.get(name + ".bias");
        int in = (int) w.shape()[0];
        int out = (int) w.shape()[1];
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = b.values()[o];
                for (int c = 0; c < in; c++) {
                    s += x[i][c] * w.values()[c * out + o];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    private double[][] norm(double[][] x, String name) {
        float[] g = t.get(name + ".weight").values();
        double[][] y = new double[x.length][e];
        for (int i = 0; i < x.length; i++) {
            double mean = 0;
            if (gpt2) {
                for (double v : x[i]) {
                    mean += v / e;
                }
            }
            double var = 0;
            for (double v : x[i]) {
                var += (v - mean) * (v - mean) / e;
            }
            for (int j = 0; j < e; j++) {
                y[i][j] = (x[i][j] - mean) / Math.sqrt(var + eps) * g[j] + (gpt2 ? t.get(name + ".bias").values()[j] : 0);
            }
        }
        return y;
    }

    /** HF rotate-half RoPE with theta 10000, position = row index. */
    private double[][] rope(double[][] x) {
        int nh = x[0].length / d;
        double[][] y = new double[x.length][x[0].length];
        for (int pos = 0; pos < x.length; pos++) {
            for (int h = 0; h < nh; h++) {
                for (int i = 0; i < d / 2; i++) {
                    double a = pos * Math.pow(10000.0, -2.0 * i / d);
                    double x1 = x[pos][h * d + i];
                    double x2 = x[pos][h * d + i + d / 2];
                    y[pos][h * d + i] = x1 * Math.cos(a) - x2 * Math.sin(a);
                    y[pos][h * d + i + d / 2] = x2 * Math.cos(a) + x1 * Math.sin(a);
                }
            }
        }
        return y;
    }

    private static double[][] cols(double[][] x, int from, int to) {
        double[][] y = new double[x.length][to - from];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], from, y[i], 0, to - from);
        }
        return y;
    }

    private static void add(double[][] x, double[][] y) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] += y[i][j];
            }
        }
    }
}
