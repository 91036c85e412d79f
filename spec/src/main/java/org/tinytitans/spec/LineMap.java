package org.tinytitans.spec;

import java.util.Arrays;

/** Converts between offsets and (line, column) positions; lines end at '\n'. */
final class LineMap {
    private final int[] lineStarts;
    private final int length;

    LineMap(String text) {
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
    }

    int lineCount() {
        return lineStarts.length;
    }

    int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))];
    }

    Position positionAt(int offset) {
        int o = Math.max(0, Math.min(offset, length));
        int line = Arrays.binarySearch(lineStarts, o);
        if (line < 0) line = -line - 2;
        return new Position(line, o - lineStarts[line], o);
    }

    int offsetAt(int line, int column) {
        if (line < 0) return 0;
        if (line >= lineStarts.length) return length;
        int lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : length;
        // Clamp the column before adding: clients send Integer.MAX_VALUE for "end of line".
        int col = Math.max(0, Math.min(column, lineEnd - lineStarts[line]));
        return lineStarts[line] + col;
    }

    Range range(int start, int end) {
        return new Range(positionAt(start), positionAt(end));
    }
}
