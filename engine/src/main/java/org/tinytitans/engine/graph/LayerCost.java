package org.tinytitans.engine.graph;

/** One row of the per-layer breakdown shown in reports and the editor. */
public record LayerCost(String name, Kind kind, Dims in, Dims out, long macs, long params) {}
