package org.tinytitans.language.ast;


/** One value of a statement: a name, number/quantity, N:M pattern, string or operator. */
public record Value(Token token, boolean afterComma) {
    public String text() {
        return token.text();
    }

    /** Decoded value: string contents without quotes, otherwise the text. */
    public String value() {
        return token.value();
    }

    public TokenKind kind() {
        return token.kind();
    }

    public Range range() {
        return token.range();
    }
}
