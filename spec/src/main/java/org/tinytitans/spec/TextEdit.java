package org.tinytitans.spec;

/** Replace {@code range} with {@code newText}. */
public record TextEdit(Range range, String newText) {}
