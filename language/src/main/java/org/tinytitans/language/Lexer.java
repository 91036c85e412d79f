package org.tinytitans.language;

import java.util.ArrayList;
import java.util.List;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.TokenKind;

/**
 * Hand-written lexer. It never fails: unknown characters become one ERROR token per run,
 * and an unterminated string ends at the end of its line (reported here, once).
 */
final class Lexer {
    private final String s;
    /** Document offset of s's first character (a piece of a document is lexed on its own). */
    private final int origin;
    private final LineMap lines;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Diagnostic> diagnostics;
    private int i;

    private Lexer(String text, int origin, LineMap lines, List<Diagnostic> diagnostics) {
        this.s = text;
        this.origin = origin;
        this.lines = lines;
        this.diagnostics = diagnostics;
    }

    static List<Token> lex(String text, LineMap lines, List<Diagnostic> diagnostics) {
        return lex(text, 0, lines, diagnostics);
    }

    /**
     * Lexes a piece of a document that starts at a line start; tokens carry document positions. No token spans a
     * line break (strings and comments end at the line's end), so a piece of whole lines lexes as it would in the whole.
     */
    static List<Token> lex(String text, int origin, LineMap lines, List<Diagnostic> diagnostics) {
        Lexer lx = new Lexer(text, origin, lines, diagnostics);
        lx.run();
        return lx.tokens;
    }

    static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static boolean isUnitPart(char c) {
        return Character.isLetter(c) || c == '%' || c == '/' || c == '$';
    }

    private char at(int k) {
        return k < s.length() ? s.charAt(k) : '\0';
    }

    private void run() {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '\n') {
                i++;
                add(TokenKind.NEWLINE, start);
            } else if (c == '#' || (c == '/' && at(i + 1) == '/')) {
                while (i < n && s.charAt(i) != '\n') i++;
                int end = i;
                while (end > start && Character.isWhitespace(s.charAt(end - 1))) end--;
                add(TokenKind.COMMENT, start, end, s.substring(start, end));
            } else if (c == '"') {
                string(start);
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(at(i + 1)))
                    || ((c == '-' || c == '+') && (Character.isDigit(at(i + 1))
                        || (at(i + 1) == '.' && Character.isDigit(at(i + 2)))))) {
                number(start);
            } else if (isNameStart(c)) {
                // a '.' between digits belongs to the name: version numbers in model names (llava-1.5-7b)
                while (i < n && (isNamePart(s.charAt(i))
                        || (s.charAt(i) == '.' && Character.isDigit(s.charAt(i - 1)) && i + 1 < n && Character.isDigit(s.charAt(i + 1))))) i++;
                add(TokenKind.NAME, start);
            } else if (c == '<' || c == '>' || c == '=' || c == '!') {
                i++;
                if (at(i) == '=') i++;
                add(c == '!' && i - start == 1 ? TokenKind.ERROR : TokenKind.OP, start);
            } else if (c == '{') {
                i++;
                add(TokenKind.LBRACE, start);
            } else if (c == '}') {
                i++;
                add(TokenKind.RBRACE, start);
            } else if (c == ',') {
                i++;
                add(TokenKind.COMMA, start);
            } else if (c == ';') {
                i++;
                add(TokenKind.SEMICOLON, start);
            } else {
                // one token for a run of unknown characters, so garbage gives one diagnostic
                while (i < n && !startsKnown(s.charAt(i)) && !(s.charAt(i) == '/' && at(i + 1) == '/')) i++;
                if (i == start) i++;
                add(TokenKind.ERROR, start);
            }
        }
        tokens.add(new Token(TokenKind.EOF, "", "", lines.range(origin + n, origin + n)));
    }

    private boolean startsKnown(char c) {
        return Character.isWhitespace(c) || c == '#' || c == '"' || Character.isLetterOrDigit(c) || c == '_'
                || c == '<' || c == '>' || c == '=' || c == '{' || c == '}' || c == ',' || c == ';';
    }

    private void number(int start) {
        if (s.charAt(i) == '-' || s.charAt(i) == '+') i++;
        while (Character.isDigit(at(i))) i++;
        if (at(i) == ':' && Character.isDigit(at(i + 1))) {
            i++;
            while (Character.isDigit(at(i))) i++;
            add(TokenKind.PATTERN, start);
            return;
        }
        if (at(i) == '.' && Character.isDigit(at(i + 1))) {
            i++;
            while (Character.isDigit(at(i))) i++;
        }
        if ((at(i) == 'e' || at(i) == 'E') && (Character.isDigit(at(i + 1))
                || ((at(i + 1) == '-' || at(i + 1) == '+') && Character.isDigit(at(i + 2))))) {
            i += 2;
            while (Character.isDigit(at(i))) i++;
        }
        while (i < s.length() && isUnitPart(s.charAt(i))) i++;
        add(TokenKind.NUMBER, start);
    }

    private void string(int start) {
        StringBuilder value = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                add(TokenKind.STRING, start, i, value.toString());
                return;
            }
            if (c == '\n') break;
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) != '\n') {
                char e = s.charAt(i + 1);
                value.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
                i += 2;
                continue;
            }
            value.append(c);
            i++;
        }
        int end = i;
        while (end > start + 1 && (s.charAt(end - 1) == '\r')) end--;
        add(TokenKind.STRING, start, end, value.toString().stripTrailing());
        diagnostics.add(new Diagnostic(lines.range(origin + start, origin + end), Severity.ERROR, Codes.UNTERMINATED_STRING,
                "unterminated string; add a closing '\"'", List.of()));
    }

    private void add(TokenKind kind, int start) {
        add(kind, start, i, s.substring(start, i));
    }

    private void add(TokenKind kind, int start, int end, String value) {
        tokens.add(new Token(kind, s.substring(start, end), value, lines.range(origin + start, origin + end)));
    }
}
