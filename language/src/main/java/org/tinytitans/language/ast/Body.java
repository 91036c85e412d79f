package org.tinytitans.language.ast;

import java.util.List;

/** A '{ ... }' block body. {@code close} is null when the brace was never closed. */
public record Body(Token open, List<Statement> statements, Token close) {
    public Body {
        statements = List.copyOf(statements);
    }

    public boolean closed() {
        return close != null;
    }

    /** True when offset lies between the braces (or after an unclosed one). */
    public boolean contains(int offset) {
        return offset >= open.end() && (close == null || offset <= close.start());
    }
}
