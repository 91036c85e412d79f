package org.tinytitans.server.reliability;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Whether LSP positions and ranges lie inside a text (lines end at '\n', as the server counts them). */
final class Bounds {
    private final String text;
    private final int[] lineLengths;

    Bounds(String text) {
        this.text = text;
        String[] lines = text.split("\n", -1);
        lineLengths = new int[lines.length];
        for (int i = 0; i < lines.length; i++) lineLengths[i] = lines[i].length();
    }

    int lines() {
        return lineLengths.length;
    }

    int length(int line) {
        return lineLengths[line];
    }

    void check(String what, Position p) {
        if (p == null || p.getLine() < 0 || p.getLine() >= lineLengths.length
                || p.getCharacter() < 0 || p.getCharacter() > lineLengths[p.getLine()]) {
            throw new AssertionError(what + ": position " + p + " outside the document (" + lineLengths.length + " lines)");
        }
    }

    void check(String what, Range r) {
        if (r == null) throw new AssertionError(what + ": null range");
        check(what, r.getStart());
        check(what, r.getEnd());
        Position s = r.getStart();
        Position e = r.getEnd();
        if (s.getLine() > e.getLine() || s.getLine() == e.getLine() && s.getCharacter() > e.getCharacter()) {
            throw new AssertionError(what + ": range " + r + " ends before it starts");
        }
    }

    void checkAll(String what, List<Range> ranges) {
        for (Range r : ranges) check(what, r);
    }

    /** Semantic tokens (relative encoding, 5 ints each) decode to spans inside the text. */
    void checkTokens(List<Integer> data) {
        if (data.size() % 5 != 0) throw new AssertionError("semantic tokens: " + data.size() + " ints is not a multiple of 5");
        int line = 0;
        int ch = 0;
        for (int i = 0; i < data.size(); i += 5) {
            int dl = data.get(i);
            int dc = data.get(i + 1);
            if (dl < 0 || dc < 0 && dl == 0 || data.get(i + 2) < 0) throw new AssertionError("semantic tokens: negative delta at " + i);
            line += dl;
            ch = dl == 0 ? ch + dc : dc;
            check("semantic token " + i / 5, new Position(line, ch));
            check("semantic token " + i / 5 + " end", new Position(line, ch + data.get(i + 2)));
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
