package org.tinytitans.language.ast;

/** A half-open span [start, end) of a document. */
public record Range(Position start, Position end) {
    public boolean contains(int offset) {
        return start.offset() <= offset && offset <= end.offset();
    }

    public static Range span(Range a, Range b) {
        return new Range(a.start(), b.end());
    }

    @Override
    public String toString() {
        return (start.line() + 1) + ":" + (start.column() + 1) + "-" + (end.line() + 1) + ":" + (end.column() + 1);
    }
}
