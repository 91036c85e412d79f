package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Statement;

/** Folds every block spanning lines (to the line before its closing brace) and runs of comment lines. */
public final class Folding {
    private Folding() {}

    public static List<FoldingRange> ranges(SpecDocument doc) {
        List<FoldingRange> out = new ArrayList<>();
        for (Statement s : SpecQueries.all(doc)) {
            if (!s.hasBody()) continue;
            int start = s.keyword().range().start().line();
            int end = s.body().closed() ? s.body().close().range().start().line() - 1 : doc.lineCount() - 1;
            if (end > start) out.add(new FoldingRange(start, end));
        }
        int first = -1;
        int last = -1;
        for (Token t : doc.tokens()) {
            if (t.kind() != TokenKind.COMMENT || !onlyTokenOnLine(doc, t)) continue;
            int line = t.range().start().line();
            if (line == last + 1 && first >= 0) {
                last = line;
            } else {
                addComments(out, first, last);
                first = last = line;
            }
        }
        addComments(out, first, last);
        return out;
    }

    private static boolean onlyTokenOnLine(SpecDocument doc, Token t) {
        int lineStart = doc.offsetAt(t.range().start().line(), 0);
        return doc.text().substring(lineStart, t.start()).isBlank();
    }

    private static void addComments(List<FoldingRange> out, int first, int last) {
        if (first >= 0 && last > first) {
            FoldingRange r = new FoldingRange(first, last);
            r.setKind(FoldingRangeKind.Comment);
            out.add(r);
        }
    }
}
