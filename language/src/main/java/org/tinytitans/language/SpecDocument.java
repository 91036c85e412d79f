package org.tinytitans.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tinytitans.language.ast.Position;
import org.tinytitans.language.ast.Range;
import org.tinytitans.language.ast.SpecFile;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.TokenKind;

/** An immutable parse result: text, tokens (comments included), tree and syntax diagnostics. */
public final class SpecDocument {
    private final String text;
    private final LineMap lines;
    private final List<Token> tokens;
    private final SpecFile root;
    private final List<Diagnostic> syntaxDiagnostics;

    private SpecDocument(String text) {
        this.text = text;
        this.lines = new LineMap(text);
        List<Diagnostic> diags = new ArrayList<>();
        this.tokens = List.copyOf(Lexer.lex(text, lines, diags));
        this.root = Parser.parse(tokens, lines, diags, text.length());
        diags.sort(Comparator.comparingInt((Diagnostic d) -> d.range().start().offset()));
        this.syntaxDiagnostics = List.copyOf(diags);
    }

    /** A document assembled from parts parsed elsewhere ({@link IncrementalDocument}); the parts must be what parsing text gives. */
    SpecDocument(String text, LineMap lines, List<Token> tokens, SpecFile root, List<Diagnostic> syntaxDiagnostics) {
        this.text = text;
        this.lines = lines;
        this.tokens = List.copyOf(tokens);
        this.root = root;
        this.syntaxDiagnostics = List.copyOf(syntaxDiagnostics);
    }

    /** Parses any text; never throws (null is read as empty). */
    public static SpecDocument parse(String text) {
        return new SpecDocument(text == null ? "" : text);
    }

    public String text() {
        return text;
    }

    public SpecFile root() {
        return root;
    }

    /** All tokens in order, comments and newlines included, ending with EOF. */
    public List<Token> tokens() {
        return tokens;
    }

    public List<Diagnostic> syntaxDiagnostics() {
        return syntaxDiagnostics;
    }

    public int lineCount() {
        return lines.lineCount();
    }

    public Position positionAt(int offset) {
        return lines.positionAt(offset);
    }

    /** Offset of (line, column), clamped into the document and the line. */
    public int offsetAt(int line, int column) {
        return lines.offsetAt(line, column);
    }

    public Range rangeOf(int start, int end) {
        return lines.range(start, end);
    }

    /** The token containing offset or ending at it (preferring a word), or null. */
    public Token tokenAt(int offset) {
        Token best = null;
        for (Token t : tokens) {
            if (t.start() > offset) break;
            if (t.kind() == TokenKind.EOF || t.kind() == TokenKind.NEWLINE) continue;
            if (t.start() <= offset && offset <= t.end()) best = t;
        }
        return best;
    }

    /** The statements enclosing offset, outermost first (the innermost may be the statement itself). */
    public List<Statement> statementsAt(int offset) {
        List<Statement> path = new ArrayList<>();
        List<Statement> level = root.statements();
        outer:
        while (true) {
            for (Statement s : level) {
                int end = s.body() != null && s.body().close() == null ? text.length() : s.range().end().offset();
                if (s.range().start().offset() <= offset && offset <= end) {
                    path.add(s);
                    level = s.children();
                    continue outer;
                }
            }
            return path;
        }
    }

    /** What the grammar expects at offset; see {@link Expectation}. */
    public Expectation expectedAt(int offset) {
        int off = Math.max(0, Math.min(offset, text.length()));
        List<String> path = root.enclosing(off).stream().map(Statement::name).toList();
        String blockArg = root.enclosing(off).stream().reduce((a, b) -> b)
                .flatMap(Statement::argument).map(v -> v.value()).orElse(null);
        // the significant tokens of the current statement before the offset
        List<Token> before = new ArrayList<>();
        Token word = null;
        for (Token t : tokens) {
            if (t.kind() == TokenKind.EOF) break;
            if (t.start() >= off) break;
            boolean inside = t.start() < off && (off < t.end() || off == t.end() && t.kind() == TokenKind.COMMENT);
            if (inside && (t.kind() == TokenKind.COMMENT || t.kind() == TokenKind.STRING)) {
                return new Expectation(Expectation.Kind.NONE, path, blockArg, null, 0, List.of(), "", t.range());
            }
            switch (t.kind()) {
                case NEWLINE -> {
                    if (!before.isEmpty() && before.get(before.size() - 1).kind() == TokenKind.COMMA) continue;
                    before.clear();
                }
                case SEMICOLON, LBRACE, RBRACE -> before.clear();
                case COMMENT -> { }
                default -> before.add(t);
            }
        }
        // a word touching the offset is the prefix being typed
        if (!before.isEmpty()) {
            Token last = before.get(before.size() - 1);
            if (last.end() == off && (last.kind() == TokenKind.NAME || last.kind() == TokenKind.NUMBER
                    || last.kind() == TokenKind.OP)) {
                word = last;
                before.remove(before.size() - 1);
            }
        }
        // the rest of a word under the caret is replaced too
        int wordStart = word != null ? word.start() : off;
        int wordEnd = off;
        for (Token t : tokens) {
            if (t.start() <= off && off < t.end() && (t.kind() == TokenKind.NAME || t.kind() == TokenKind.NUMBER)) {
                wordStart = Math.min(wordStart, t.start());
                wordEnd = t.end();
            }
        }
        String prefix = text.substring(wordStart, off);
        Range replace = lines.range(wordStart, wordEnd);
        if (before.isEmpty()) {
            return new Expectation(Expectation.Kind.KEYWORD, path, blockArg, null, 0, List.of(), prefix, replace);
        }
        List<String> previous = before.subList(1, before.size()).stream()
                .filter(t -> t.kind() != TokenKind.COMMA).map(Token::value).toList();
        return new Expectation(Expectation.Kind.VALUE, path, blockArg, before.get(0).text(), previous.size(),
                previous, prefix, replace);
    }
}
