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
            // what the new text keeps of the old at both ends, so that its parse compares only the middle
            int samePrefix = text.length(), sameSuffix = text.length();
            TextDocument current = doc;
            for (TextDocumentContentChangeEvent c : changes) {
                if (c.getRange() == null) {
                    text = c.getText();
                    samePrefix = 0;
                    sameSuffix = 0;
                } else {
                    if (current == null) current = new TextDocument(u, version, text);
                    int start = current.offsetAt(c.getRange().getStart());
                    int end = Math.max(start, current.offsetAt(c.getRange().getEnd()));
                    samePrefix = Math.min(samePrefix, start);
                    sameSuffix = Math.min(sameSuffix, text.length() - end);
                    text = text.substring(0, start) + c.getText() + text.substring(end);
                }
                current = null; // the next change's positions are in the text as changed
            }
            return doc == null ? new TextDocument(u, version, text) : doc.edited(version, text, samePrefix, sameSuffix);
        });
    }
}
