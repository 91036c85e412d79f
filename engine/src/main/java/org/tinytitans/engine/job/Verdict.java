package org.tinytitans.engine.job;

/** The outcome of one {@code expect} line: whether it holds and the measured value it was judged on, in words. */
public record Verdict(boolean passed, String actual) {}
