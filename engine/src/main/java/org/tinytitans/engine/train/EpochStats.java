package org.tinytitans.engine.train;

/** One fine-tuning epoch: mean training loss and accuracy over its batches (augmented data), lr at its end. */
public record EpochStats(int epoch, double loss, double accuracy, double lr, double seconds) { }
