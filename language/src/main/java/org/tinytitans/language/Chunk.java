package org.tinytitans.language;

import java.util.List;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Token;

/**
 * One piece of an {@link IncrementalDocument}: whole lines holding one top-level statement or more (several when
 * they share a line or an unclosed block runs into the next), parsed on its own. Immutable but for its caches;
 * snapshots of the document share the pieces an edit did not touch.
 *
 * <p>The parse depends on the text and on the parser's unclosedReported flag at the start ({@code flagIn}); it
 * read that flag ({@code reads}: it has a block never closed) or set it for good ({@code sets}).
 */
final class Chunk {
    /** The parse placed at a document position; moving it keeps everything but positions. */
    record Frame(int offset, int line, List<Token> tokens, List<Statement> statements, List<Diagnostic> syntax) {
        Frame at(int newOffset, int newLine) {
            Shift by = new Shift(newOffset - offset, newLine - line);
            return new Frame(newOffset, newLine, by.tokens(tokens), by.statements(statements), by.diagnostics(syntax));
        }
    }

    final int length;
    final int lineBreaks;
    final boolean flagIn;
    final boolean flagOut;
    final boolean reads;
    final boolean sets;
    private volatile Frame frame;
    /** IncrementalCheck's per-statement findings, by statement index; null until asked. */
    volatile Object[] checks;
    /** Whether a statement here names a file (`weights`, dataset `path`) that a check looks up; null until asked. */
    volatile Boolean namesFiles;

    Chunk(int length, int lineBreaks, boolean flagIn, boolean flagOut, boolean reads, boolean sets, Frame frame) {
        this.length = length;
        this.lineBreaks = lineBreaks;
        this.flagIn = flagIn;
        this.flagOut = flagOut;
        this.reads = reads;
        this.sets = sets;
        this.frame = frame;
    }

    /** The flag after this piece when it starts with {@code in}, or null when the parse depends on it (parse again). */
    Boolean flagOut(boolean in) {
        if (in == flagIn) return flagOut;
        if (reads) return null;
        return sets || in;
    }

    /**
     * The parse placed at (offset, line). The last placement is kept: snapshots after an edit above this piece ask
     * for the same new place, and the old one is rarely asked for again.
     */
    Frame at(int offset, int line) {
        Frame f = frame;
        if (f.offset() == offset && f.line() == line) return f;
        f = f.at(offset, line);
        frame = f;
        return f;
    }

    /** The parse wherever it was last placed, for what does not depend on positions. */
    Frame anyFrame() {
        return frame;
    }
}
