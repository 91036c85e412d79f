package org.tinytitans.engine.weights;

import io.jhdf.HdfFile;
import java.nio.file.Path;

/**
 * A deliberately separate forward pass of Keras resnet_v1 in plain Java and NHWC, reading HWIO kernels straight
 * from the .h5 by Keras names (conv2d_k, batch_normalization_k, dense_1) with TF 'same' padding and BN eps 1e-3.
 * It shares no code with the engine's graph, loader or DJL block, so agreement checks all three.
 */
final class KerasReference {

    private final HdfFile h5;
    private int conv;
    private int bn;

    private KerasReference(HdfFile h5) { this.h5 = h5; }

    /** Logits (before the dense layer's softmax) for one 32x32x3 NHWC image of a depth 6n+2 network. */
    static float[] resnetV1(Path file, int n, float[] image) {
        try (HdfFile h5 = new HdfFile(file)) {
            return new KerasReference(h5).run(n, image);
        }
    }

    private float[] run(int n, float[] x) {
        Act a = new Act(x, 32, 32, 3);
        a = relu(bn(conv(a, 16, 1)));
        for (int stage = 0; stage < 3; stage++) {
            int filters = 16 << stage;
            for (int b = 0; b < n; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                Act y = relu(bn(conv(a, filters, stride)));
                y = conv(y, filters, 1);
                Act shortcut = stride == 2 ? conv(a, filters, 2) : a; // Keras creates the projection after conv2
                y = bn(y);
                a = relu(add(y, shortcut));
            }
        }
        float[] pooled = new float[64];
        for (int i = 0; i < 64; i++) {
            for (int p = 0; p < 64; p++) {
                pooled[i] += a.v[p * 64 + i] / 64f;
            }
        }
        float[] k = data("dense_1", "kernel"), bias = data("dense_1", "bias");
        int classes = bias.length;
        double[] z = new double[classes];
        for (int o = 0; o < classes; o++) {
            z[o] = bias[o];
            for (int i = 0; i < 64; i++) {
                z[o] += pooled[i] * k[i * classes + o];
            }
        }
        float[] logits = new float[classes];
        for (int o = 0; o < classes; o++) {
            logits[o] = (float) z[o];
        }
        return logits;
    }

    private record Act(float[] v, int h, int w, int c) {}

    private Act conv(Act x, int out, int stride) {
        String name = "conv2d_" + (++conv);
        float[] k = data(name, "kernel"), b = data(name, "bias");
        int ks = h5.getDatasetByPath(name + "/" + name + "/kernel:0").getDimensions()[0];
        int oh = (x.h + stride - 1) / stride, ow = (x.w + stride - 1) / stride;
        int padTop = Math.max((oh - 1) * stride + ks - x.h, 0) / 2, padLeft = Math.max((ow - 1) * stride + ks - x.w, 0) / 2;
        float[] y = new float[oh * ow * out];
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                for (int o = 0; o < out; o++) {
                    double s = b[o];
                    for (int di = 0; di < ks; di++) {
                        int yi = i * stride + di - padTop;
                        if (yi < 0 || yi >= x.h) {
                            continue;
                        }
                        for (int dj = 0; dj < ks; dj++) {
                            int xj = j * stride + dj - padLeft;
                            if (xj < 0 || xj >= x.w) {
                                continue;
                            }
                            for (int c = 0; c < x.c; c++) {
                                s += x.v[(yi * x.w + xj) * x.c + c] * k[((di * ks + dj) * x.c + c) * out + o];
                            }
                        }
                    }
                    y[(i * ow + j) * out + o] = (float) s;
                }
            }
        }
        return new Act(y, oh, ow, out);
    }

    private Act bn(Act x) {
        String name = "batch_normalization_" + (++bn);
        float[] g = data(name, "gamma"), be = data(name, "beta"), m = data(name, "moving_mean"), v = data(name, "moving_variance");
        float[] y = new float[x.v.length];
        for (int i = 0; i < y.length; i++) {
            int c = i % x.c;
            y[i] = (float) ((x.v[i] - m[c]) / Math.sqrt(v[c] + 1e-3) * g[c] + be[c]);
        }
        return new Act(y, x.h, x.w, x.c);
    }

    private static Act relu(Act x) {
        float[] y = x.v.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] = Math.max(0f, y[i]);
        }
        return new Act(y, x.h, x.w, x.c);
    }

    private static Act add(Act a, Act b) {
        float[] y = a.v.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += b.v[i];
        }
        return new Act(y, a.h, a.w, a.c);
    }

    private float[] data(String layer, String var) {
        return (float[]) h5.getDatasetByPath(layer + "/" + layer + "/" + var + ":0").getDataFlat();
    }
}
