package org.tinytitans.language;

import java.util.Arrays;
import org.tinytitans.language.ast.Position;
import org.tinytitans.language.ast.Range;

/**
 * Converts between offsets and (line, column) positions; lines end at '\n'. A map may cover a piece of a larger
 * document that starts at a line start ({@code origin}, {@code firstLine}): it then takes and gives the document's
 * offsets and lines, so a piece parsed on its own carries the positions it has in the whole.
 */
final class LineMap {
    private final int[] lineStarts;
    private final int length;
    private final int origin;
    private final int firstLine;

    LineMap(String text) {
        this(text, 0, 0);
    }

    LineMap(String text, int origin, int firstLine) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
        this.length = text.length();
        this.origin = origin;
        this.firstLine = firstLine;
    }

    int lineCount() {
        return lineStarts.length;
    }

    Position positionAt(int offset) {
        int o = Math.max(0, Math.min(offset - origin, length));
        int line = Arrays.binarySearch(lineStarts, o);
        if (line < 0) line = -line - 2;
        return new Position(firstLine + line, o - lineStarts[line], origin + o);
    }

    int offsetAt(int line, int column) {
        int l = line - firstLine;
        if (l < 0) return origin;
        if (l >= lineStarts.length) return origin + length;
        int lineEnd = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : length;
        // Clamp the column before adding: clients send Integer.MAX_VALUE for "end of line".
        int col = Math.max(0, Math.min(column, lineEnd - lineStarts[l]));
        return origin + lineStarts[l] + col;
    }

    Range range(int start, int end) {
        return new Range(positionAt(start), positionAt(end));
    }
}
