package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.tinytitans.language.Formatter;
import org.tinytitans.language.SpecDocument;

/** Whole-document and range formatting with the spec module's canonical layout. */
public final class Formatting {
    private Formatting() {}

    /** One edit replacing the document, or none when it is already formatted. */
    public static List<TextEdit> format(SpecDocument doc) {
        String formatted = Formatter.format(doc.text());
        if (formatted.equals(doc.text())) return List.of();
        Position end = Ranges.lsp(doc.positionAt(doc.text().length()));
        return List.of(new TextEdit(new Range(new Position(0, 0), end), formatted));
    }

    /**
     * Edits for the lines the range touches. The formatter keeps lines one to one, so the whole text is
     * formatted and the touched lines are compared.
     */
    public static List<TextEdit> formatRange(SpecDocument doc, Range range) {
        String[] formatted = Formatter.format(doc.text()).split("\n", -1);
        List<TextEdit> edits = new ArrayList<>();
        int last = Math.min(range.getEnd().getLine(), doc.lineCount() - 1);
        for (int line = Math.max(0, range.getStart().getLine()); line <= last && line < formatted.length; line++) {
            String current = Ranges.lineText(doc, line);
            if (!current.equals(formatted[line])) {
                edits.add(new TextEdit(new Range(new Position(line, 0), new Position(line, current.length())), formatted[line]));
            }
        }
        return edits;
    }
}
