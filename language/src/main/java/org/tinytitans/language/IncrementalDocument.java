package org.tinytitans.language;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.tinytitans.language.ast.SpecFile;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.TokenKind;

/**
 * A document kept as pieces ({@link Chunk}) that an edit re-parses and re-checks only where it touched: the
 * piece the edit falls in, and the ones after it as long as the parse has not come back in step (an unclosed
 * '{' runs into the next experiment; a trailing ',' continues on the next line). Immutable: {@link #edit} gives
 * a new snapshot that shares the untouched pieces.
 *
 * <p>What it gives equals what the whole text gives: {@link #document()} equals {@link SpecDocument#parse} (the
 * same tokens, tree and syntax diagnostics, at the same positions) and {@link #diagnostics} equals
 * {@link Checker#check(SpecDocument, Path)}; {@code IncrementalDocumentTest} compares both after random edits.
 *
 * <p>Why a piece can be parsed alone: no token spans a line break, and the parser cuts a region only where it
 * holds nothing but one flag (see {@link Parser}). Why it can be checked alone: see {@link IncrementalCheck}.
 */
public final class IncrementalDocument {
    private final String text;
    private final Chunk[] chunks;
    /** Per piece: its first offset and line in this snapshot, and the parser's flag at its start. */
    private final int[] offsets;
    private final int[] lines;
    private final boolean[] flags;
    private final IncrementalCheck.Memo memo;
    private volatile SpecDocument document;
    private volatile Checked checked;

    private record Checked(Path folder, List<Diagnostic> diagnostics) {}

    private IncrementalDocument(String text, List<Chunk> chunks, IncrementalCheck.Memo memo) {
        this.text = text;
        // an empty text is one empty piece, so that every offset has a piece
        this.chunks = chunks.isEmpty() ? new Chunk[] {new Chunk(0, 0, false, false, false, false,
                new Chunk.Frame(0, 0, List.of(), List.of(), List.of()))} : chunks.toArray(new Chunk[0]);
        int n = this.chunks.length;
        this.offsets = new int[n];
        this.lines = new int[n];
        this.flags = new boolean[n];
        int offset = 0, line = 0;
        boolean flag = false;
        for (int k = 0; k < n; k++) {
            offsets[k] = offset;
            lines[k] = line;
            flags[k] = flag;
            Chunk c = this.chunks[k];
            offset += c.length;
            line += c.lineBreaks;
            flag = c.flagOut(flag);
        }
        this.memo = memo;
    }

    /** Parses a whole text (null is read as empty). */
    public static IncrementalDocument of(String text) {
        String t = text == null ? "" : text;
        return new IncrementalDocument(t, parse(t, 0, t.length(), 0, false).chunks, new IncrementalCheck.Memo());
    }

    public String text() {
        return text;
    }

    /** The snapshot for newText: the pieces from the first changed character to where the parse is back in step are parsed again. */
    public IncrementalDocument edit(String newText) {
        return edit(newText, 0, 0);
    }

    /**
     * As {@link #edit(String)}, told that newText keeps at least the first {@code samePrefix} and the last
     * {@code sameSuffix} characters of this text (an editor's change says where it is): the comparison starts there
     * instead of at both ends of a long text. Wrong bounds give a wrong parse; 0 and 0 are always right.
     */
    public IncrementalDocument edit(String newText, int samePrefix, int sameSuffix) {
        String next = newText == null ? "" : newText;
        int oldLen = text.length(), newLen = next.length();
        int max = Math.min(oldLen, newLen);
        int prefix = Math.max(0, Math.min(samePrefix, max));
        while (prefix < max && text.charAt(prefix) == next.charAt(prefix)) prefix++;
        if (prefix == oldLen && prefix == newLen) return this;
        int suffix = Math.max(0, Math.min(sameSuffix, max - prefix));
        while (suffix < max - prefix && text.charAt(oldLen - 1 - suffix) == next.charAt(newLen - 1 - suffix)) suffix++;
        int delta = newLen - oldLen;
        int first = chunkAt(prefix);
        int last = oldLen - suffix > prefix ? chunkAt(oldLen - suffix - 1) : first;
        // parse from the first touched piece to the end of the last, further while the end is not clean
        Parsed region;
        while (true) {
            int oldEnd = last + 1 < chunks.length ? offsets[last + 1] : oldLen;
            region = parse(next, offsets[first], oldEnd + delta, lines[first], flags[first]);
            if (region.cleanEnd || last + 1 == chunks.length) break;
            last = Math.min(chunks.length - 1, last + Math.max(1, last - first + 1));
        }
        List<Chunk> out = new ArrayList<>(chunks.length + region.chunks.size());
        out.addAll(Arrays.asList(chunks).subList(0, first));
        out.addAll(region.chunks);
        // the pieces after: reused as they are, unless their parse read a flag that now differs
        boolean flag = region.flagOut;
        int offset = (last + 1 < chunks.length ? offsets[last + 1] : oldLen) + delta;
        int line = region.lineEnd;
        for (int k = last + 1; k < chunks.length; k++) {
            Chunk c = chunks[k];
            if (flag == flags[k]) { // in step again: the rest is as it was
                out.addAll(Arrays.asList(chunks).subList(k, chunks.length));
                break;
            }
            Boolean after = c.flagOut(flag);
            if (after == null) {
                Parsed again = parse(next, offset, offset + c.length, line, flag);
                out.addAll(again.chunks);
                after = again.flagOut;
            } else {
                out.add(c);
            }
            flag = after;
            offset += c.length;
            line += c.lineBreaks;
        }
        return new IncrementalDocument(next, out, memo);
    }

    /** Index of the piece holding offset (the last piece for the end of the text). */
    private int chunkAt(int offset) {
        int k = Arrays.binarySearch(offsets, offset);
        if (k < 0) k = -k - 2;
        return Math.max(0, k);
    }

    private record Parsed(List<Chunk> chunks, boolean cleanEnd, boolean flagOut, int lineEnd) {}

    /** Parses text[start, end) (whole lines, first line {@code line}) into pieces at the parser's cuts. */
    private static Parsed parse(String text, int start, int end, int line, boolean flag) {
        String piece = text.substring(start, end);
        LineMap map = new LineMap(piece, start, line);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Token> tokens = Lexer.lex(piece, start, map, diagnostics);
        Parser.Region region = Parser.parseRegion(tokens, map, diagnostics, start, flag);
        List<Parser.Cut> cuts = region.cuts();
        List<Chunk> out = new ArrayList<>(cuts.size());
        int t = 0, d = 0;
        // diagnostics are split by position; each piece keeps the whole parse's order (stable sort by start)
        diagnostics.sort(Comparator.comparingInt((Diagnostic x) -> x.range().start().offset()));
        int lineAt = line;
        for (int q = 0; q < cuts.size(); q++) {
            Parser.Cut cut = cuts.get(q);
            boolean lastPiece = q + 1 == cuts.size();
            int to = lastPiece ? end : cuts.get(q + 1).offset();
            int fromToken = t;
            int breaks = 0;
            while (t < tokens.size() && tokens.get(t).kind() != TokenKind.EOF && (lastPiece || tokens.get(t).start() < to)) {
                if (tokens.get(t).kind() == TokenKind.NEWLINE) breaks++;
                t++;
            }
            int fromDiag = d;
            while (d < diagnostics.size() && (lastPiece || diagnostics.get(d).range().start().offset() < to)) d++;
            int toStatement = lastPiece ? region.statements().size() : cuts.get(q + 1).statement();
            boolean out1 = lastPiece ? region.flag() : cuts.get(q + 1).flag();
            boolean reads = lastPiece ? region.reads() : cut.reads();
            boolean sets = lastPiece ? region.sets() : cut.sets();
            if (to == cut.offset()) continue; // an empty region (its text was deleted) leaves no piece
            Chunk.Frame frame = new Chunk.Frame(cut.offset(), lineAt, List.copyOf(tokens.subList(fromToken, t)),
                    List.copyOf(region.statements().subList(cut.statement(), toStatement)), List.copyOf(diagnostics.subList(fromDiag, d)));
            out.add(new Chunk(to - cut.offset(), breaks, cut.flag(), out1, reads, sets, frame));
            lineAt += breaks;
        }
        // whole lines only: a region cut inside a line (its line break deleted) would end a comment or string early
        boolean clean = region.cleanEnd() && (end == start || text.charAt(end - 1) == '\n');
        return new Parsed(out, clean, region.flag(), lineAt);
    }

    /**
     * Offset of (line, column), clamped into the text and the line, as {@link SpecDocument#offsetAt} gives it: found
     * from the pieces' first lines rather than by counting lines from the top (an editor's every change asks it).
     */
    public int offsetAt(int line, int column) {
        if (line < 0) return 0;
        int k = Arrays.binarySearch(lines, line);
        if (k < 0) k = -k - 2;
        // equal first lines (an empty piece) resolve to the last of them, which holds the line
        while (k + 1 < lines.length && lines[k + 1] == line) k++;
        int start = offsets[k];
        for (int l = lines[k]; l < line; l++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) return text.length();
            start = nl + 1;
        }
        int nl = text.indexOf('\n', start);
        int end = nl < 0 ? text.length() : nl;
        return start + Math.max(0, Math.min(column, end - start));
    }

    /** The whole document, assembled from the pieces (moved ones are moved, not parsed again) on first use. */
    public SpecDocument document() {
        SpecDocument d = document;
        if (d != null) return d;
        LineMap map = new LineMap(text);
        List<Token> tokens = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        List<Diagnostic> syntax = new ArrayList<>();
        for (int k = 0; k < chunks.length; k++) {
            Chunk.Frame f = chunks[k].at(offsets[k], lines[k]);
            tokens.addAll(f.tokens());
            statements.addAll(f.statements());
            syntax.addAll(f.syntax());
        }
        tokens.add(new Token(TokenKind.EOF, "", "", map.range(text.length(), text.length())));
        d = new SpecDocument(text, map, tokens, new SpecFile(statements, map.range(0, text.length())), syntax);
        document = d;
        return d;
    }

    /**
     * {@link Checker#check(SpecDocument, Path)} of this text, re-checking only the experiments an edit touched or
     * whose defaults changed. folder: where `weights` and dataset `path` are looked up (null: not checked).
     */
    public List<Diagnostic> diagnostics(Path folder) {
        Checked c = checked;
        if (c != null && java.util.Objects.equals(c.folder(), folder)) return c.diagnostics();
        List<Diagnostic> list = IncrementalCheck.check(this, folder);
        checked = new Checked(folder, list);
        return list;
    }

    // ---- for IncrementalCheck

    int size() {
        return chunks.length;
    }

    Chunk chunk(int k) {
        return chunks[k];
    }

    int offset(int k) {
        return offsets[k];
    }

    int line(int k) {
        return lines[k];
    }

    /** The piece k placed where it is in this snapshot. */
    Chunk.Frame frame(int k) {
        return chunks[k].at(offsets[k], lines[k]);
    }

    IncrementalCheck.Memo memo() {
        return memo;
    }
}
