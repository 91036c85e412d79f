package org.tinytitans.language;

import org.tinytitans.language.ast.Range;

/** Replace {@code range} with {@code newText}. */
public record TextEdit(Range range, String newText) {}
