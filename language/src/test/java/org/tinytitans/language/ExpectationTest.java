package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationTest {
    /** What the parser expects at '|'. */
    static Expectation at(String marked) {
        int caret = marked.indexOf('|');
        return SpecDocument.parse(marked.substring(0, caret) + marked.substring(caret + 1)).expectedAt(caret);
    }

    @Test
    void aCriterionValueInsidePruneFilters() {
        Expectation e = at("experiment a {\n  prune filters {\n    criterion l|\n  }\n}");
        assertEquals(Expectation.Kind.VALUE, e.kind());
        assertEquals(List.of("experiment", "prune"), e.path());
        assertEquals("filters", e.blockArgument());
        assertEquals("criterion", e.key());
        assertEquals("l", e.prefix());
        assertEquals(0, e.valueIndex());
    }

    @Test
    void aKeywordAtTheStartOfALine() {
        Expectation e = at("experiment a {\n  prune filters {\n    ra|\n  }\n}");
        assertEquals(Expectation.Kind.KEYWORD, e.kind());
        assertEquals("prune", e.block());
        assertEquals("ra", e.prefix());
        assertNull(e.key());
        Expectation top = at("|");
        assertEquals(Expectation.Kind.KEYWORD, top.kind());
        assertEquals("", top.block());
    }

    @Test
    void laterValuesAndSweeps() {
        Expectation e = at("experiment a { measure flops, params, | }");
        assertEquals("measure", e.key());
        assertEquals(List.of("flops", "params"), e.previousValues());
        assertEquals(2, e.valueIndex());
        Expectation x = at("experiment a {\n  expect accuracy drop |");
        assertEquals("expect", x.key());
        assertEquals(List.of("accuracy", "drop"), x.previousValues());
        Expectation g = at("experiment a { prune |");
        assertEquals("prune", g.key());
        assertEquals(0, g.valueIndex());
    }

    @Test
    void theWordUnderTheCaretIsReplacedWhole() {
        Expectation e = at("experiment a { prune filters { criterion ra|nk } }");
        assertEquals("ra", e.prefix());
        SpecDocument doc = SpecDocument.parse("experiment a { prune filters { criterion rank } }");
        assertEquals("rank", doc.text().substring(e.replaceRange().start().offset(), e.replaceRange().end().offset()));
    }

    @Test
    void nothingInsideCommentsAndStrings() {
        assertEquals(Expectation.Kind.NONE, at("experiment a { # crit|\n}").kind());
        assertEquals(Expectation.Kind.NONE, at("model x { weights \"mo|dels\" }").kind());
    }
}
