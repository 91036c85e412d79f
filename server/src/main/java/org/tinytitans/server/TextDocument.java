package org.tinytitans.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.tinytitans.spec.Diagnostic;
import org.tinytitans.spec.IncrementalDocument;
import org.tinytitans.spec.SpecDocument;

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
    private volatile IncrementalDocument parsed;

    public TextDocument(String uri, int version, String text) {
        this(uri, version, text, null);
    }

    /** A new version of previous (null: none): its parse will be made from previous's, or from the one previous would have edited. */
    public TextDocument(String uri, int version, String text, TextDocument previous) {
        this.uri = uri;
        this.version = version;
        this.text = text == null ? "" : text;
        this.base = previous == null ? null : previous.latestParse();
    }

    /** This version's parse if made, else the earlier one it would be made from (versions typed within a debounce are never parsed). */
    private synchronized IncrementalDocument latestParse() {
        IncrementalDocument p = parsed;
        return p != null ? p : base;
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
                parsed = base == null ? IncrementalDocument.of(text) : base.edit(text);
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

    /** Offset of an LSP position, clamped into the document; scans lines rather than parsing (edits call it per change). */
    public int offsetAt(org.eclipse.lsp4j.Position p) {
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
