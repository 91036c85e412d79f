package org.tinytitans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tinytitans.server.TitansAssert.r;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    @Test
    void incrementalChangesApplyInOrder() {
        Documents docs = new Documents();
        docs.open("u", 1, "experiment e {\n  model resnet5\n}\n");
        TextDocument d = docs.change("u", 2, List.of(
                new TextDocumentContentChangeEvent(r(1, 15, 1, 15), "6"),          // resnet5 -> resnet56
                new TextDocumentContentChangeEvent(r(0, 11, 0, 12), "baseline"),   // e -> baseline
                new TextDocumentContentChangeEvent(r(2, 1, 2, 1), "\n# end")));
        assertEquals("experiment baseline {\n  model resnet56\n}\n# end\n", d.text());
        assertEquals(2, d.version());
        assertEquals("experiment baseline {\n  model resnet56\n}\n# end\n", d.spec().text(), "the parse follows the text");
    }

    @Test
    void aFullChangeReplacesTheText() {
        Documents docs = new Documents();
        docs.open("u", 1, "old");
        assertEquals("new", docs.change("u", 2, List.of(new TextDocumentContentChangeEvent("new"))).text());
    }

    @Test
    void positionsBeyondALineOrTheTextAreClamped() {
        TextDocument d = new TextDocument("u", 1, "ab\ncd");
        assertEquals(2, d.offsetAt(new Position(0, 99)));
        assertEquals(5, d.offsetAt(new Position(7, 0)));
        assertEquals(4, d.offsetAt(new Position(1, 1)));
    }

    @Test
    void onlyFileUrisHaveAPath() {
        assertEquals(java.nio.file.Path.of("/tmp/a b.prune"), TextDocument.pathOf("file:///tmp/a%20b.prune"));
        assertEquals(null, TextDocument.pathOf("untitled:Untitled-1"));
    }
}
