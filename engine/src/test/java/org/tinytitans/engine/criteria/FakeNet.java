package org.tinytitans.engine.criteria;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A small real ScoringModel on plain arrays: K residual units of C channels,
 * a_k = relu(conv3x3(x_k, W_k) + b_k + beta_k) (beta_k stands for the BN after the conv),
 * x_{k+1} = relu(x_k + a_k), features = spatial mean of x_K, logits = features . head.
 * Taylor scores use dL/da = 1 (|sum a| per channel and batch): enough to check how the criterion aggregates.
 */
final class FakeNet implements ScoringModel {
    final int channels;
    final float[][] kernels;
    final float[][] bias;
    final float[][] beta;
    final float[] head;
    final int classes;

    FakeNet(int channels, int classes, float[][] kernels, float[][] bias, float[][] beta, float[] head) {
        this.channels = channels;
        this.classes = classes;
        this.kernels = kernels;
        this.bias = bias;
        this.beta = beta;
        this.head = head;
    }

    /** K units of C channels with all weights zero and a head of ones; tests set what they need. */
    static FakeNet zeros(int units, int channels, int classes) {
        float[] head = new float[channels * classes];
        for (int i = 0; i < head.length; i++) {
            head[i] = (i % 3) - 1;
        }
        return new FakeNet(channels, classes, new float[units][channels * channels * 9], new float[units][channels],
                new float[units][channels], head);
    }

    /** Makes filter f of unit k copy input channel c (centre tap 1). */
    FakeNet identity(int k, int f, int c) {
        kernels[k][(f * channels + c) * 9 + 4] = 1;
        return this;
    }

    @Override
    public List<Unit> filterUnits() {
        List<Unit> units = new ArrayList<>();
        for (int k = 0; k < kernels.length; k++) {
            units.add(new Unit("conv" + k, channels));
        }
        return units;
    }

    @Override
    public List<Unit> blockUnits() {
        List<Unit> units = new ArrayList<>();
        for (int k = 0; k < kernels.length; k++) {
            units.add(new Unit("block" + k, 1));
        }
        return units;
    }

    @Override
    public NDArray filterWeights(NDManager m, int unit) {
        return m.create(kernels[unit], new Shape(channels, channels, 3, 3));
    }

    @Override
    public List<NDArray> blockWeights(NDManager m, int unit) {
        return List.of(filterWeights(m, unit));
    }

    private NDArray activation(NDManager m, int k, NDArray x) {
        NDArray b = m.create(bias[k]).add(m.create(beta[k]));
        return Activation.relu(Conv2d.conv2d(x, filterWeights(m, k), b, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow());
    }

    /** x_k for k = 0..K. */
    private NDArray block(NDManager m, int k, NDArray input) {
        NDArray x = input;
        for (int j = 0; j < k; j++) {
            x = Activation.relu(x.add(activation(m, j, x)));
        }
        return x;
    }

    @Override
    public NDArray filterActivations(NDManager m, int unit, NDArray input) {
        return activation(m, unit, block(m, unit, input));
    }

    @Override
    public NDArray blockActivations(NDManager m, int unit, NDArray input) {
        return block(m, unit + 1, input);
    }

    @Override
    public NDArray features(NDManager m, NDArray input) {
        return block(m, kernels.length, input).mean(new int[] {3}).mean(new int[] {2}); // PyTorch DJL: one axis per mean
    }

    @Override
    public NDArray logits(NDManager m, NDArray input) {
        return features(m, input).matMul(m.create(head, new Shape(channels, classes)));
    }

    @Override
    public <T> T withFiltersZeroed(int unit, int[] filters, boolean zeroBatchNorm, Supplier<T> action) {
        float[] k = kernels[unit].clone();
        float[] b = bias[unit].clone();
        float[] bn = beta[unit].clone();
        try {
            int per = channels * 9;
            for (int f : filters) {
                java.util.Arrays.fill(kernels[unit], f * per, (f + 1) * per, 0f);
                bias[unit][f] = 0;
                if (zeroBatchNorm) {
                    beta[unit][f] = 0;
                }
            }
            return action.get();
        } finally {
            kernels[unit] = k;
            bias[unit] = b;
            beta[unit] = bn;
        }
    }

    @Override
    public <T> T withBlockZeroed(int unit, Supplier<T> action) {
        return withFiltersZeroed(unit, java.util.stream.IntStream.range(0, channels).toArray(), true, action);
    }

    @Override
    public List<float[]> taylorScores(NDManager m, NDArray input, int[] labels) {
        List<float[]> out = new ArrayList<>();
        for (int k = 0; k < kernels.length; k++) {
            out.add(filterActivations(m, k, input).sum(new int[] {0, 2, 3}).abs().toFloatArray());
        }
        return out;
    }

}
