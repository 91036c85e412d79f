package org.tinytitans.engine.report;

/** A layer's width (filters, neurons, heads...) before and after pruning. */
public record LayerWidth(String name, String kind, int before, int after) {}
