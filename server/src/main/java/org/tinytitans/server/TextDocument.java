package org.tinytitans.server;

import java.net.URI;
import java.nio.file.Path;
import org.tinytitans.spec.SpecDocument;

/**
 * An open document: its text and version, and the parse of that text, made lazily and cached per version
 * (LemMinX's ModelTextDocument). Immutable: an edit makes a new instance, so readers never see a torn state.
 */
public final class TextDocument {
    private final String uri;
    private final int version;
    private final String text;
    private volatile SpecDocument parsed;

    public TextDocument(String uri, int version, String text) {
        this.uri = uri;
        this.version = version;
        this.text = text == null ? "" : text;
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

    public SpecDocument spec() {
        SpecDocument p = parsed;
        if (p == null) {
            p = SpecDocument.parse(text);
            parsed = p;
        }
        return p;
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
