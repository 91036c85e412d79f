package org.tinytitans.language;

import java.util.ArrayList;
import java.util.List;
import org.tinytitans.language.ast.Body;
import org.tinytitans.language.ast.SpecFile;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Value;

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
 * <p>
 * For incremental parsing ({@link IncrementalDocument}) it also parses a region of whole lines on its own and
 * says where the region may be cut: at a line whose first token starts a top-level statement right after a line
 * break the top level itself consumed. There the parser holds nothing but the {@code unclosedReported} flag (one
 * token of lookahead, depth 0), so what follows parses the same alone as in the whole, given that flag.
 */
final class Parser {
    private final List<Token> tokens;
    private final LineMap lines;
    private final List<Diagnostic> diagnostics;
    private int p;
    private boolean unclosedReported;
    private int depth;
    // ---- what a region parse records (see Region)
    /** Index of the last NEWLINE the top-level loop consumed; the region may be cut right after it. */
    private int lastTopNewline = -1;
    private boolean cleanEnd;
    private final List<Cut> cuts = new ArrayList<>();
    /** Inside a stray '{' the flag is forced to true: reads there do not depend on the flag the region began with. */
    private int forced;
    /** Inside a stray statement the flag is restored afterwards: sets there do not last. */
    private int restored;
    private boolean readsFlag;
    private boolean setsFlag;
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

    /**
     * Where a region may be cut: before top-level statement {@code statement}, at document offset {@code offset}
     * (a line start), with {@code flag} the unclosedReported flag there; {@code reads}/{@code sets} say whether the
     * piece that this cut ends read the flag it began with or set it for good.
     */
    record Cut(int offset, int statement, boolean flag, boolean reads, boolean sets) {}

    /**
     * A region parsed on its own. {@code cuts} has one entry per piece, the first at the region's start; the last
     * piece's reads/sets are {@code reads}/{@code sets}. {@code cleanEnd}: the region ended at a line break the top
     * level consumed, so the text after it cannot change this parse (otherwise an open block or a trailing ','
     * ran into the end of the region).
     */
    record Region(List<Statement> statements, List<Cut> cuts, boolean cleanEnd, boolean flag, boolean reads, boolean sets) {}

    /** Parses tokens of whole lines starting at a cut whose flag is {@code unclosedReported}. */
    static Region parseRegion(List<Token> tokens, LineMap lines, List<Diagnostic> diagnostics, int origin, boolean unclosedReported) {
        Parser parser = new Parser(tokens, lines, diagnostics);
        parser.unclosedReported = unclosedReported;
        parser.cuts.add(new Cut(origin, 0, unclosedReported, false, false));
        List<Statement> statements = parser.statements(true);
        return new Region(statements, parser.cuts, parser.cleanEnd, parser.unclosedReported, parser.readsFlag, parser.setsFlag);
    }

    /** A cut before the top-level token at p, if the line break before it was consumed at the top level. */
    private void maybeCut(int statement) {
        if (cuts.isEmpty() || p == 0 || p - 1 != lastTopNewline) return; // cuts are asked for by parseRegion only
        Cut previous = cuts.get(cuts.size() - 1);
        if (previous.statement() == statement) return; // a piece holds a statement at least: blank lines join the next
        int offset = tokens.get(p - 1).end();
        cuts.set(cuts.size() - 1, new Cut(previous.offset(), previous.statement(), previous.flag(), readsFlag, setsFlag));
        cuts.add(new Cut(offset, statement, unclosedReported, false, false));
        readsFlag = false;
        setsFlag = false;
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
            if (topLevel && t.kind() != TokenKind.NEWLINE && t.kind() != TokenKind.EOF) maybeCut(out.size());
            switch (t.kind()) {
                case NEWLINE, SEMICOLON -> {
                    if (topLevel && t.kind() == TokenKind.NEWLINE) lastTopNewline = p;
                    advance();
                }
                case EOF -> {
                    if (topLevel) cleanEnd = p == 0 || p - 1 == lastTopNewline;
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
                    boolean stray = t.kind() == TokenKind.LBRACE;
                    if (stray) {
                        unclosedReported = true;
                        forced++;
                    }
                    restored++;
                    skipStatement();
                    restored--;
                    if (stray) forced--;
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
        setFlag();
        return new Body(open, List.of(), null);
    }

    private Body bodyContents(Token open) {
        List<Statement> inner = statements(false);
        if (peek().kind() == TokenKind.RBRACE) return new Body(open, inner, advance());
        // only the innermost unclosed block is reported: closing it usually fixes the outer ones too
        if (forced == 0) readsFlag = true;
        if (!unclosedReported) {
            setFlag();
            diagnostics.add(new Diagnostic(open.range(), Severity.ERROR, Codes.MISSING_BRACE,
                    "'{' is never closed; add '}'", List.of()));
        }
        return new Body(open, inner, null);
    }

    private void setFlag() {
        unclosedReported = true;
        if (restored == 0) setsFlag = true;
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
