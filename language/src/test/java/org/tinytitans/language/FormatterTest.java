package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.ast.Range;

class FormatterTest {
    @Test
    void indentsAndSpacesCanonically() {
        String messy = "experiment   a{\nmodel resnet56 {\n      weights   \"w.h5\"#the weights\n}\n measure flops ,params,latency\n\n\n  expect flops<=55%   \n}\n\n\n";
        String expected = "experiment a {\n  model resnet56 {\n    weights \"w.h5\"  #the weights\n  }\n  measure flops, params, latency\n\n\n  expect flops <= 55%\n}\n";
        assertEquals(expected, Formatter.format(messy));
        assertEquals(expected, Formatter.format(expected));
    }

    @Test
    void continuationLinesAndSemicolons() {
        assertEquals("measure flops,\n  params\nprune filters { ratio 50%; criterion l1 }\n",
                Formatter.format("measure flops,\nparams\nprune filters {ratio 50% ;criterion l1}"));
    }

    @Test
    void brokenSpecsFormatAndKeepTheirGarbage() {
        String text = "experiment a {\nprune filters {\nratio 5@@0%\n";
        assertEquals("experiment a {\n  prune filters {\n    ratio 5@@0%\n", Formatter.format(text));
    }

    @Test
    void formatRangeEditsOnlyTheTouchedLines() {
        SpecDocument doc = SpecDocument.parse("experiment a {\nmodel resnet56\n   measure flops\n}\n");
        List<TextEdit> edits = Formatter.formatRange(doc, new Range(doc.positionAt(16), doc.positionAt(20)));
        assertEquals(1, edits.size());
        assertEquals("  model resnet56", edits.get(0).newText());
        assertEquals(1, edits.get(0).range().start().line());
    }

    @Test
    void endOfLineColumnsFromClientsClampToTheLine() {
        SpecDocument doc = SpecDocument.parse("experiment a {\nmodel resnet20\n}\n");
        assertEquals(doc.offsetAt(1, 14), doc.offsetAt(1, Integer.MAX_VALUE));
        assertEquals(15, doc.offsetAt(1, 0));
    }
}
