package org.tinytitans.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.tinytitans.server.services.Ranges;
import org.tinytitans.server.TextDocument;
import org.tinytitans.language.SpecDocument;

/**
 * What the fuzzer found, pinned as plain unit tests (not tagged: `mvn verify` runs them): an edit or request at
 * character Integer.MAX_VALUE past line 0 overflowed into a negative offset, a negative line did not clamp to the
 * start, and a whitespace-only line gave a range that ends before it starts.
 */
class FoundBugsTest {
    @Test
    void endOfLineAsIntegerMaxValueClampsInsteadOfOverflowing() {
        TextDocument doc = new TextDocument("untitled:x", 1, "ab\ncde\nf");
        assertEquals(6, doc.offsetAt(new Position(1, Integer.MAX_VALUE)));
        assertEquals(8, doc.offsetAt(new Position(Integer.MAX_VALUE, Integer.MAX_VALUE)));
    }

    @Test
    void aNegativeLineIsTheStartOfTheDocument() {
        TextDocument doc = new TextDocument("untitled:x", 1, "ab\ncde\nf");
        assertEquals(0, doc.offsetAt(new Position(-1, 2)));
    }

    @Test
    void aBlankLineGivesAnEmptyRangeNotABackwardOne() {
        Range r = Ranges.line(SpecDocument.parse("   \nexperiment e {}\n"), 1);
        assertTrue(r.getEnd().getCharacter() >= r.getStart().getCharacter(), r.toString());
    }
}
