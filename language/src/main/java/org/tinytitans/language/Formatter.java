package org.tinytitans.language;

import java.util.ArrayList;
import java.util.List;
import org.tinytitans.language.ast.Range;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.TokenKind;

/**
 * Canonical layout: two spaces per open brace, one space between tokens, none before ',' and ';',
 * at least two spaces before a trailing comment (a wider gap is kept, for aligned comments), no trailing whitespace, one final newline. Lines are kept
 * (never joined or split), so formatting never moves a comment and a range maps line to line. A line
 * continuing after a trailing ',' is indented one more level. Works on tokens, so broken specs
 * format too.
 */
public final class Formatter {
    private static final String INDENT = "  ";

    private Formatter() {}

    public static String format(String text) {
        return String.join("\n", formatLines(SpecDocument.parse(text))) + "\n";
    }

    /** Edits that format the lines touched by range; empty when they are already formatted. */
    public static List<TextEdit> formatRange(SpecDocument doc, Range range) {
        List<String> formatted = formatLines(doc);
        List<TextEdit> edits = new ArrayList<>();
        int first = Math.max(0, range.start().line());
        int last = Math.min(doc.lineCount() - 1, range.end().line());
        for (int line = first; line <= last && line < formatted.size(); line++) {
            int start = doc.offsetAt(line, 0);
            int end = doc.offsetAt(line, Integer.MAX_VALUE);
            String current = doc.text().substring(start, end);
            if (current.endsWith("\r")) {
                end--;
                current = current.substring(0, current.length() - 1);
            }
            if (!current.equals(formatted.get(line))) {
                edits.add(new TextEdit(doc.rangeOf(start, end), formatted.get(line)));
            }
        }
        return edits;
    }

    /** One formatted string per source line (trailing empty lines dropped, but at least one line). */
    static List<String> formatLines(SpecDocument doc) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean continuation = false;
        List<Token> line = new ArrayList<>();
        for (Token t : doc.tokens()) {
            if (t.kind() == TokenKind.NEWLINE || t.kind() == TokenKind.EOF) {
                int lineDepth = depth;
                if (!line.isEmpty() && line.get(0).kind() == TokenKind.RBRACE) lineDepth--;
                if (continuation) lineDepth++;
                out.add(render(line, Math.max(0, lineDepth), doc.text()));
                for (Token x : line) {
                    if (x.kind() == TokenKind.LBRACE) depth++;
                    if (x.kind() == TokenKind.RBRACE) depth = Math.max(0, depth - 1);
                }
                Token lastSignificant = null;
                for (Token x : line) if (x.kind() != TokenKind.COMMENT) lastSignificant = x;
                continuation = lastSignificant != null && lastSignificant.kind() == TokenKind.COMMA;
                line.clear();
            } else {
                line.add(t);
            }
        }
        while (out.size() > 1 && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    private static String render(List<Token> line, int depth, String text) {
        if (line.isEmpty()) return "";
        StringBuilder sb = new StringBuilder(INDENT.repeat(depth));
        Token prev = null;
        for (Token t : line) {
            if (prev != null) {
                boolean adjacent = prev.end() == t.start();
                if (t.kind() == TokenKind.COMMENT) {
                    // keep a wider gap as written: people align trailing comments
                    sb.append(" ".repeat(Math.max(2, Math.min(80, t.start() - prev.end()))));
                } else if (t.kind() == TokenKind.COMMA || t.kind() == TokenKind.SEMICOLON) {
                    // no space before separators
                } else if (adjacent && (t.kind() == TokenKind.ERROR || prev.kind() == TokenKind.ERROR)) {
                    // keep garbage as written: spacing it out could change how it lexes
                } else {
                    sb.append(' ');
                }
            }
            sb.append(t.text());
            prev = t;
        }
        return sb.toString().stripTrailing();
    }
}
