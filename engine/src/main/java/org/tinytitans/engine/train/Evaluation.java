package org.tinytitans.engine.train;

/** Top-1 accuracy in [0,1] and mean cross-entropy of a network over {@code count} images. */
public record Evaluation(double accuracy, double loss, int count) { }
