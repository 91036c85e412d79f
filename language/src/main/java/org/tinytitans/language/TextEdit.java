package org.tinytitans.language;

/** Replace {@code range} with {@code newText}. */
public record TextEdit(Range range, String newText) {}
