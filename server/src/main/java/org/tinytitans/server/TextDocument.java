package org.tinytitans.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.tinytitans.language.Diagnostic;
import org.tinytitans.language.IncrementalDocument;
import org.tinytitans.language.SpecDocument;

/**
 * An open document: its text and version, and the parse of that text, made lazily and cached per version
 * (LemMinX's ModelTextDocument). Immutable to readers: an edit makes a new instance, so they never see a torn
 * state. The parse is an {@link IncrementalDocument} made by editing an earlier version's, so an edit re-parses
 * and re-checks only the experiments it touched.
 */
public final class TextDocument {
    private final String uri;
    private final int version;
    private final String text;
    /** An earlier version's parse to edit from (null: parse the whole text); dropped once this version's is made. */
    private IncrementalDocument base;
    /** How many characters at the start and at the end this text surely shares with base's (0: not known). */
    private int samePrefix;
    private int sameSuffix;
    private volatile IncrementalDocument parsed;

    public TextDocument(String uri, int version, String text) {
        this.uri = uri;
        this.version = version;
        this.text = text == null ? "" : text;
    }

    /**
     * The next version: text that keeps at least the first samePrefix and the last sameSuffix characters of this
     * one's. Its parse will be made by editing this version's, or the one this version would have edited (versions
     * typed within one debounce are never parsed), told where the text is unchanged.
     */
    public synchronized TextDocument edited(int newVersion, String newText, int samePrefix, int sameSuffix) {
        TextDocument next = new TextDocument(uri, newVersion, newText);
        if (parsed != null) {
            next.base = parsed;
            next.samePrefix = samePrefix;
            next.sameSuffix = sameSuffix;
        } else if (base != null) {
            next.base = base;
            next.samePrefix = Math.min(this.samePrefix, samePrefix);
            next.sameSuffix = Math.min(this.sameSuffix, sameSuffix);
        }
        return next;
    }

    public String uri() {
        return uri;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    /** The parse of this version, kept in pieces. */
    public IncrementalDocument live() {
        IncrementalDocument p = parsed;
        if (p != null) return p;
        synchronized (this) {
            if (parsed == null) {
                parsed = base == null ? IncrementalDocument.of(text) : base.edit(text, samePrefix, sameSuffix);
                base = null;
            }
            return parsed;
        }
    }

    /** The whole parsed document, for features that read the tree (assembled from the pieces on first use). */
    public SpecDocument spec() {
        return live().document();
    }

    /** The checker's findings for this version, with `weights` and `path` looked up beside the file (as {@code Checker.check}). */
    public List<Diagnostic> findings() {
        return live().diagnostics(folder());
    }

    /** The folder of the file behind a file: URI (where its relative paths point), or null. */
    public Path folder() {
        Path p = path();
        return p == null ? null : p.getParent();
    }

    /** The file behind a file: URI, or null for other schemes (untitled buffers). */
    public Path path() {
        return pathOf(uri);
    }

    public static Path pathOf(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Offset of an LSP position, clamped into the document (edits call it per change): from the parse's pieces when
     * this version is parsed, else by scanning lines rather than parsing.
     */
    public int offsetAt(org.eclipse.lsp4j.Position p) {
        IncrementalDocument live = parsed;
        if (live != null) return live.offsetAt(p.getLine(), p.getCharacter());
        if (p.getLine() < 0) return 0; // before the document, as the spec module's LineMap clamps it
        int start = 0;
        for (int line = 0; line < p.getLine(); line++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) return text.length();
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        int lineEnd = end < 0 ? text.length() : end;
        // Clamp before adding: clients send Integer.MAX_VALUE for "end of line", and start + MAX overflows.
        return start + Math.min(lineEnd - start, Math.max(0, p.getCharacter()));
    }
}
