package org.tinytitans.engine.graph;

/**
 * Whole-network analytic figures, counted as the tutorial's {@code custom_functions.py} does except for
 * depthwise convs, whose MACs are the layer's own (see {@link Graph#macs(Layer)}).
 *
 * @param macs      multiply-accumulates per sample (the {@code flops} metric)
 * @param params    every parameter, BN moving statistics included (Keras {@code count_params})
 * @param memoryGb  4 bytes x (batch x sum of layer output sizes + params) / 1024^3
 * @param filters   output channels summed over all convolutions (the tutorial's {@code count_filters})
 */
public record Counts(long macs, long params, long trainableParams, double memoryGb, long filters, int blocks) {}
