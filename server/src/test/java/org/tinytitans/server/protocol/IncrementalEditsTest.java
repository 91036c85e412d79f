package org.tinytitans.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.server.jobs.FakeJob;
import org.tinytitans.server.services.Diagnostics;
import org.tinytitans.server.services.SemanticTokens;
import org.tinytitans.server.services.Symbols;
import org.tinytitans.language.SpecDocument;

/**
 * Typing over JSON-RPC: each incremental change's diagnostics (re-checked per experiment by the server) and the
 * features that read the parsed tree equal what a parse and check of the whole text from scratch give.
 */
class IncrementalEditsTest {
    private static final String[] TYPED = {
        "{", "}", "\n", " ", ",", "\"", "#", "x", "experiment n {\n", "model resnet20\n", "measure flops\n",
        "dataset cifar10 { classes 7 }\n", "ratio 5", "weights \"nope.tt\"\n", "criterion l3",
    };

    @TempDir
    Path folder;

    @Test
    void everyEditsDiagnosticsEqualAWholeCheck() throws Exception {
        Path file = folder.resolve("spec.prune");
        String uri = file.toUri().toString();
        StringBuilder text = new StringBuilder("model resnet56 { weights \"w.tt\" }\nmeasure accuracy\n\n");
        for (int i = 0; i < 40; i++) {
            text.append("experiment e").append(i).append(" {\n  dataset synthetic { samples 10 }\n  prune filters {\n")
                    .append("    criterion l1\n    ratio ").append(10 + i).append("%\n  }\n  expect accuracy drop <= 2%\n}\n");
        }
        Files.writeString(file, text);
        Random r = new Random(7);
        try (Connection c = new Connection()) {
            c.initialize(Capabilities.rich(), FakeJob.settings(false), null);
            c.open(uri, text.toString());
            c.client.awaitDiagnostics(uri, p -> p.getVersion() != null && p.getVersion() == 1);
            int v = 1;
            while (v < 150) {
                // now and then a burst: several notifications before any is checked, some with several changes
                int notifications = r.nextInt(3) == 0 ? 2 + r.nextInt(3) : 1;
                for (int m = 0; m < notifications; m++) {
                    List<TextDocumentContentChangeEvent> changes = new java.util.ArrayList<>();
                    int count = r.nextInt(4) == 0 ? 2 + r.nextInt(2) : 1;
                    for (int k = 0; k < count; k++) changes.add(change(text, r));
                    c.remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                            new VersionedTextDocumentIdentifier(uri, ++v), changes));
                }
                int version = v;
                var published = c.client.awaitDiagnostics(uri, p -> p.getVersion() != null && p.getVersion() == version);
                SpecDocument whole = SpecDocument.parse(text.toString());
                assertEquals(Diagnostics.spec(whole, folder), published.getDiagnostics(), "version " + v + ":\n" + text);
                if (r.nextInt(5) == 0) {
                    TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
                    assertEquals(SemanticTokens.encode(whole), c.remote.getTextDocumentService()
                            .semanticTokensFull(new SemanticTokensParams(id)).get(30, TimeUnit.SECONDS).getData());
                    assertEquals(Symbols.symbols(whole, uri, true), c.remote.getTextDocumentService()
                            .documentSymbol(new DocumentSymbolParams(id)).get(30, TimeUnit.SECONDS));
                }
            }
        }
    }

    /** A random change to text, applied to it (so the next change's positions are in the changed text). */
    private static TextDocumentContentChangeEvent change(StringBuilder text, Random r) {
        int start = r.nextInt(text.length() + 1);
        int end = r.nextInt(4) == 0 ? Math.min(text.length(), start + r.nextInt(60)) : start;
        String typed = r.nextInt(3) == 0 ? "" : TYPED[r.nextInt(TYPED.length)];
        if (start == end && typed.isEmpty()) end = Math.min(text.length(), start + 1);
        Range range = new Range(position(text, start), position(text, end));
        text.replace(start, end, typed);
        return new TextDocumentContentChangeEvent(range, typed);
    }

    private static Position position(CharSequence text, int offset) {
        int line = 0, lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }
}
