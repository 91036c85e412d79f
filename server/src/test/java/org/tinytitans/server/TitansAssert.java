package org.tinytitans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.tinytitans.server.estimates.EngineEstimates;
import org.tinytitans.server.estimates.EstimateService;
import org.tinytitans.server.services.Completions;
import org.tinytitans.server.services.Diagnostics;
import org.tinytitans.server.settings.ClientSupport;
import org.tinytitans.language.SpecDocument;

/**
 * LemMinX-style test language: a spec with a caret `|`, and short assertions over what a feature answers.
 * Estimates are the engine's real analytic ones.
 */
public final class TitansAssert {
    public static final EstimateService ESTIMATES = new EngineEstimates();

    private TitansAssert() {}

    /** A spec with the caret removed, and the caret's offset. */
    public record Caret(SpecDocument doc, int offset) {
        public static Caret of(String textWithCaret) {
            int at = textWithCaret.indexOf('|');
            if (at < 0) throw new IllegalArgumentException("no caret '|' in: " + textWithCaret);
            return new Caret(SpecDocument.parse(textWithCaret.substring(0, at) + textWithCaret.substring(at + 1)), at);
        }
    }

    public static List<CompletionItem> completionsAt(String textWithCaret) {
        Caret c = Caret.of(textWithCaret);
        return Completions.complete(c.doc(), c.offset(), ESTIMATES, ClientSupport.full(), "BRA").getItems();
    }

    /** Asserts every label is offered, and no label twice. */
    public static List<CompletionItem> testCompletionFor(String textWithCaret, String... labels) {
        List<CompletionItem> items = completionsAt(textWithCaret);
        List<String> got = items.stream().map(CompletionItem::getLabel).toList();
        assertEquals(got.stream().distinct().count(), got.size(), "duplicate labels in " + got);
        for (String l : labels) assertTrue(got.contains(l), "expected '" + l + "' in " + got);
        return items;
    }

    public static void testNoCompletionFor(String textWithCaret, String... labels) {
        List<String> got = completionsAt(textWithCaret).stream().map(CompletionItem::getLabel).toList();
        for (String l : labels) assertTrue(!got.contains(l), "did not expect '" + l + "' in " + got);
    }

    public static CompletionItem item(List<CompletionItem> items, String label) {
        return items.stream().filter(i -> i.getLabel().equals(label)).findFirst()
                .orElseGet(() -> fail("no item " + label));
    }

    public static String doc(CompletionItem item) {
        assertNotNull(item.getDocumentation(), "no documentation on " + item.getLabel());
        return item.getDocumentation().isRight() ? item.getDocumentation().getRight().getValue() : item.getDocumentation().getLeft();
    }

    public static String hoverAt(String textWithCaret) {
        Caret c = Caret.of(textWithCaret);
        Hover h = org.tinytitans.server.services.Hover.hover(c.doc(), c.offset(), ESTIMATES, ClientSupport.full());
        return h == null ? null : h.getContents().getRight().getValue();
    }

    public static void assertHover(String textWithCaret, String... fragments) {
        String h = hoverAt(textWithCaret);
        assertNotNull(h, "no hover");
        for (String f : fragments) assertTrue(h.contains(f), "expected '" + f + "' in hover:\n" + h);
    }

    public static List<Diagnostic> diagnosticsFor(String text) {
        return Diagnostics.spec(SpecDocument.parse(text), null);
    }

    /** Asserts a diagnostic with this code starts at (line, column), 0-based. */
    public static Diagnostic testDiagnosticsFor(String text, Diagnostic expected) {
        List<Diagnostic> all = diagnosticsFor(text);
        Optional<Diagnostic> found = all.stream().filter(x -> x.getCode().getLeft().equals(expected.getCode().getLeft())
                && x.getRange().getStart().equals(expected.getRange().getStart())).findFirst();
        assertTrue(found.isPresent(), "expected " + expected.getCode().getLeft() + " at " + expected.getRange().getStart() + " in " + all);
        return found.get();
    }

    public static Diagnostic d(int line, int column, String code) {
        Diagnostic x = new Diagnostic(r(line, column, line, column), "");
        x.setCode(code);
        return x;
    }

    public static Range r(int l1, int c1, int l2, int c2) {
        return new Range(new Position(l1, c1), new Position(l2, c2));
    }

    /** Applies edits (non-overlapping) to a text, for asserting what a fix or a format produces. */
    public static String apply(String text, List<? extends org.eclipse.lsp4j.TextEdit> edits) {
        SpecDocument doc = SpecDocument.parse(text);
        List<org.eclipse.lsp4j.TextEdit> sorted = edits.stream().map(e -> (org.eclipse.lsp4j.TextEdit) e)
                .sorted((a, b) -> Integer.compare(off(doc, b.getRange().getStart()), off(doc, a.getRange().getStart()))).toList();
        String out = text;
        for (var e : sorted) {
            out = out.substring(0, off(doc, e.getRange().getStart())) + e.getNewText() + out.substring(off(doc, e.getRange().getEnd()));
        }
        return out;
    }

    private static int off(SpecDocument doc, Position p) {
        return doc.offsetAt(p.getLine(), p.getCharacter());
    }
}
