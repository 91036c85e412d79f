package org.tinytitans.language.ast;

/**
 * A lexical token. {@code text} is the exact source text; {@code value} is the decoded value
 * (string contents without quotes and escapes, otherwise the text).
 */
public record Token(TokenKind kind, String text, String value, Range range) {
    public int start() {
        return range.start().offset();
    }

    public int end() {
        return range.end().offset();
    }

    public boolean is(TokenKind k) {
        return kind == k;
    }

    /** True for tokens the parser skips (comments). */
    public boolean trivia() {
        return kind == TokenKind.COMMENT;
    }
}
