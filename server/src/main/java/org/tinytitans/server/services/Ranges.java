package org.tinytitans.server.services;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Converts the spec module's ranges (line, column, offset) to LSP4J's (line, character). */
public final class Ranges {
    private Ranges() {}

    public static Position lsp(org.tinytitans.language.ast.Position p) {
        return new Position(p.line(), p.column());
    }

    public static Range lsp(org.tinytitans.language.ast.Range r) {
        return new Range(lsp(r.start()), lsp(r.end()));
    }

    /** A whole line, for findings that know only the line (1-based, as job events count). */
    public static Range line(org.tinytitans.language.SpecDocument doc, int oneBasedLine) {
        int line = Math.max(0, Math.min(oneBasedLine - 1, doc.lineCount() - 1));
        String text = lineText(doc, line);
        int indent = text.length() - text.stripLeading().length();
        // a blank line is all indent: keep the end at or after the start
        return new Range(new Position(line, indent), new Position(line, Math.max(indent, text.stripTrailing().length())));
    }

    /** The text of a 0-based line without its line break. */
    public static String lineText(org.tinytitans.language.SpecDocument doc, int line) {
        int start = doc.offsetAt(line, 0);
        String all = doc.text();
        int end = all.indexOf('\n', start);
        String text = all.substring(start, end < 0 ? all.length() : end);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
