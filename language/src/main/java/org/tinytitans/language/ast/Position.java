package org.tinytitans.language.ast;

/** A place in a document: 0-based line and column (in UTF-16 chars, as LSP counts) and the absolute offset. */
public record Position(int line, int column, int offset) implements Comparable<Position> {
    @Override
    public int compareTo(Position o) {
        return Integer.compare(offset, o.offset);
    }
}
