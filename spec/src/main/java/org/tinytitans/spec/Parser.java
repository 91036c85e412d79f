package org.tinytitans.spec;

import java.util.ArrayList;
import java.util.List;
import org.tinytitans.spec.ast.Body;
import org.tinytitans.spec.ast.SpecFile;
import org.tinytitans.spec.ast.Statement;
import org.tinytitans.spec.ast.Value;

/**
 * Error-tolerant recursive-descent parser. Grammar:
 * <pre>
 * file      := statement* EOF
 * statement := NAME (value (','? value)*)? body?  terminated by NEWLINE | ';' | '}' | EOF
 * body      := '{' statement* '}'
 * value     := NAME | NUMBER | PATTERN | STRING | OP
 * </pre>
 * A line continues after a trailing ','. On an error it reports once and skips to the end of the
 * statement, still descending into any '{' it meets so that braces stay balanced: one mistake, one
 * diagnostic.
 */
final class Parser {
    private final List<Token> tokens;
    private final LineMap lines;
    private final List<Diagnostic> diagnostics;
    private int p;
    private boolean unclosedReported;
    private int depth;
    /** Deeper nesting is certainly a mistake; the limit also keeps the recursion off the stack's edge. */
    private static final int MAX_DEPTH = 64;

    private Parser(List<Token> tokens, LineMap lines, List<Diagnostic> diagnostics) {
        this.tokens = tokens.stream().filter(t -> !t.trivia()).toList();
        this.lines = lines;
        this.diagnostics = diagnostics;
    }

    static SpecFile parse(List<Token> tokens, LineMap lines, List<Diagnostic> diagnostics, int length) {
        Parser parser = new Parser(tokens, lines, diagnostics);
        List<Statement> statements = parser.statements(true);
        return new SpecFile(statements, lines.range(0, length));
    }

    private Token peek() {
        return tokens.get(p);
    }

    private Token advance() {
        Token t = tokens.get(p);
        if (t.kind() != TokenKind.EOF) p++;
        return t;
    }

    private List<Statement> statements(boolean topLevel) {
        List<Statement> out = new ArrayList<>();
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case NEWLINE, SEMICOLON -> advance();
                case EOF -> {
                    return out;
                }
                case RBRACE -> {
                    if (!topLevel) return out;
                    error(t, Codes.UNEXPECTED_TOKEN, "'}' has no matching '{'");
                    advance();
                }
                case NAME -> {
                    // a missing '}' before the next experiment should not swallow it: close implicitly
                    if (!topLevel && t.text().equals("experiment")) return out;
                    out.add(statement());
                }
                case ERROR -> {
                    error(t, Codes.INVALID_CHARACTER, "invalid character '" + t.text() + "'");
                    skipStatement();
                }
                default -> {
                    error(t, Codes.UNEXPECTED_TOKEN, "expected a keyword or property name, found " + describe(t));
                    // a stray '{' was just reported: do not report it again as never closed
                    boolean saved = unclosedReported;
                    if (t.kind() == TokenKind.LBRACE) unclosedReported = true;
                    skipStatement();
                    unclosedReported = saved;
                }
            }
        }
    }

    private Statement statement() {
        Token keyword = advance();
        List<Value> values = new ArrayList<>();
        Body body = null;
        boolean comma = false;
        Token lastComma = null;
        loop:
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case NAME, NUMBER, PATTERN, STRING, OP -> {
                    values.add(new Value(advance(), comma));
                    comma = false;
                }
                case COMMA -> {
                    if (values.isEmpty() || comma) {
                        error(t, Codes.SYNTAX_ERROR, values.isEmpty() ? "expected a value before ','" : "expected a value between ',' and ','");
                        skipStatement();
                        comma = false;
                        break loop;
                    }
                    lastComma = advance();
                    comma = true;
                    while (peek().kind() == TokenKind.NEWLINE) advance(); // a trailing ',' continues the line
                }
                case LBRACE -> {
                    body = body();
                    break loop;
                }
                case ERROR -> {
                    error(t, Codes.INVALID_CHARACTER, "invalid character '" + t.text() + "'");
                    body = skipStatement();
                    comma = false;
                    break loop;
                }
                default -> {
                    break loop;
                }
            }
        }
        if (comma) error(lastComma, Codes.SYNTAX_ERROR, "expected a value after ','");
        int end = body != null ? (body.close() != null ? body.close().end() : lastEnd())
                : values.isEmpty() ? keyword.end() : values.get(values.size() - 1).token().end();
        return new Statement(keyword, values, body, lines.range(keyword.start(), Math.max(end, keyword.end())));
    }

    private int lastEnd() {
        for (int k = Math.min(p, tokens.size() - 1); k >= 0; k--) {
            TokenKind kind = tokens.get(k).kind();
            if (kind != TokenKind.EOF && kind != TokenKind.NEWLINE) return tokens.get(k).end();
        }
        return 0;
    }

    private Body body() {
        Token open = advance();
        if (++depth > MAX_DEPTH) {
            depth--;
            return skipNested(open);
        }
        try {
            return bodyContents(open);
        } finally {
            depth--;
        }
    }

    /** Beyond any sensible nesting: report once and skip to the matching '}' without recursing. */
    private Body skipNested(Token open) {
        error(open, Codes.SYNTAX_ERROR, "blocks are nested too deeply (more than " + MAX_DEPTH + " levels)");
        int level = 1;
        while (peek().kind() != TokenKind.EOF) {
            Token t = advance();
            if (t.kind() == TokenKind.LBRACE) level++;
            if (t.kind() == TokenKind.RBRACE && --level == 0) return new Body(open, List.of(), t);
        }
        unclosedReported = true;
        return new Body(open, List.of(), null);
    }

    private Body bodyContents(Token open) {
        List<Statement> inner = statements(false);
        if (peek().kind() == TokenKind.RBRACE) return new Body(open, inner, advance());
        // only the innermost unclosed block is reported: closing it usually fixes the outer ones too
        if (!unclosedReported) {
            unclosedReported = true;
            diagnostics.add(new Diagnostic(open.range(), Severity.ERROR, Codes.MISSING_BRACE,
                    "'{' is never closed; add '}'", List.of()));
        }
        return new Body(open, inner, null);
    }

    /** Skips to the end of the statement; a '{' met on the way is parsed so that braces stay balanced. */
    private Body skipStatement() {
        while (true) {
            switch (peek().kind()) {
                case NEWLINE, SEMICOLON, RBRACE, EOF -> {
                    return null;
                }
                case LBRACE -> {
                    return body();
                }
                default -> advance();
            }
        }
    }

    private void error(Token t, String code, String message) {
        // the lexer already reported an unterminated string: one mistake, one diagnostic
        if (diagnostics.stream().anyMatch(d -> d.range().start().offset() == t.start())) return;
        diagnostics.add(new Diagnostic(t.range(), Severity.ERROR, code, message, List.of()));
    }

    static String describe(Token t) {
        return switch (t.kind()) {
            case EOF -> "end of file";
            case NEWLINE -> "end of line";
            case STRING -> "string " + t.text();
            case NUMBER -> "number '" + t.text() + "'";
            default -> "'" + t.text() + "'";
        };
    }
}
