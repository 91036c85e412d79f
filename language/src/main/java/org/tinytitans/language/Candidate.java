package org.tinytitans.language;

/**
 * A completion candidate. kind: "block", "property", "model", "dataset", "granularity", "criterion",
 * "metric", "target", "value", "operator". detail is a short line (type, data needs); doc markdown.
 */
public record Candidate(String label, String kind, String detail, String doc) {}
