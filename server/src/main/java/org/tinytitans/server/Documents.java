package org.tinytitans.server;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/** The open documents by URI; edits replace the entry atomically with a new {@link TextDocument}. */
public final class Documents {
    private final Map<String, TextDocument> open = new ConcurrentHashMap<>();

    public TextDocument get(String uri) {
        return open.get(uri);
    }

    public void open(String uri, int version, String text) {
        open.put(uri, new TextDocument(uri, version, text));
    }

    public void close(String uri) {
        open.remove(uri);
    }

    /** Applies full or incremental changes in order. */
    public TextDocument change(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
        return open.compute(uri, (u, doc) -> {
            String text = doc == null ? "" : doc.text();
            for (TextDocumentContentChangeEvent c : changes) {
                if (c.getRange() == null) {
                    text = c.getText();
                } else {
                    TextDocument current = new TextDocument(u, version, text);
                    int start = current.offsetAt(c.getRange().getStart());
                    int end = current.offsetAt(c.getRange().getEnd());
                    text = text.substring(0, start) + c.getText() + text.substring(Math.max(start, end));
                }
            }
            return new TextDocument(u, version, text, doc);
        });
    }
}
