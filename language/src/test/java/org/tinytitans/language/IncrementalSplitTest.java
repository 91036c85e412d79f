package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where an {@link IncrementalDocument} cuts a text into pieces, and what an edit parses and checks again. */
class IncrementalSplitTest {
    /** Each piece's text. */
    private static List<String> pieces(IncrementalDocument d) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < d.size(); k++) out.add(d.text().substring(d.offset(k), d.offset(k) + d.chunk(k).length));
        return out;
    }

    @Test
    void onePiecePerTopLevelStatementWithTheBlankLinesAndCommentsAfterIt() {
        String text = "# defaults\nmodel resnet56\n\nexperiment a {\n  prune filters\n}\n# about b\n\nexperiment b { model resnet20 }\n";
        assertEquals(List.of("# defaults\nmodel resnet56\n\n", "experiment a {\n  prune filters\n}\n# about b\n\n",
                "experiment b { model resnet20 }\n"), pieces(IncrementalDocument.of(text)));
    }

    @Test
    void statementsSharingALineStayTogether() {
        assertEquals(List.of("model resnet56; experiment a { }\n", "experiment b { }"),
                pieces(IncrementalDocument.of("model resnet56; experiment a { }\nexperiment b { }")));
    }

    @Test
    void aTrailingCommaContinuesThePieceOnTheNextLine() {
        assertEquals(List.of("measure flops,\nparams\n", "experiment a { }\n"),
                pieces(IncrementalDocument.of("measure flops,\nparams\nexperiment a { }\n")));
    }

    @Test
    void anUnclosedBlockRunsIntoTheNextExperiment() {
        // 'experiment b' closes a's block; a's range ends on b's keyword, so a and b cannot be parsed apart
        assertEquals(List.of("experiment a {\n  model resnet56\nexperiment b { }\n", "experiment c { }\n"),
                pieces(IncrementalDocument.of("experiment a {\n  model resnet56\nexperiment b { }\nexperiment c { }\n")));
    }

    @Test
    void aStrayClosingBraceAndGarbageLinesJoinTheStatementAfterThem() {
        assertEquals(List.of("experiment a { }\n", "}\n@@\nexperiment b { }\n"),
                pieces(IncrementalDocument.of("experiment a { }\n}\n@@\nexperiment b { }\n")));
    }

    @Test
    void anEmptyTextIsOneEmptyPiece() {
        IncrementalDocument d = IncrementalDocument.of("");
        assertEquals(List.of(""), pieces(d));
        assertEquals(List.of("experiment a { }\n"), pieces(d.edit("experiment a { }\n")));
        assertEquals(List.of(""), pieces(d.edit("experiment a { }\n").edit("")));
    }

    @Test
    void anEditInsideAnExperimentParsesThatPieceAloneAndMovesTheRest() {
        IncrementalDocument before = IncrementalDocument.of(spec(5));
        IncrementalDocument after = before.edit(before.text().replace("ratio 12%", "ratio 12%\n    scope global"));
        assertEquals(5, after.size());
        assertSame(before.chunk(0), after.chunk(0));
        assertSame(before.chunk(1), after.chunk(1));
        assertNotSame(before.chunk(2), after.chunk(2));
        assertSame(before.chunk(3), after.chunk(3));
        assertEquals(before.line(3) + 1, after.line(3));
        assertEquals(before.offset(4) + "\n    scope global".length(), after.offset(4));
        assertEquals(Checker.check(SpecDocument.parse(after.text())), after.diagnostics(null));
    }

    @Test
    void closingABraceBringsThePiecesBackApart() {
        String closed = spec(3);
        String open = closed.replaceFirst("(?s)(experiment e1 \\{.*?)\n}\n", "$1\n");
        IncrementalDocument d = IncrementalDocument.of(closed);
        IncrementalDocument opened = d.edit(open);
        assertEquals(2, opened.size(), pieces(opened).toString()); // e1 now runs into e2
        IncrementalDocument again = opened.edit(closed);
        assertEquals(pieces(d), pieces(again));
        assertSame(opened.chunk(0), again.chunk(0));
    }

    @Test
    void onlyExperimentsThatReadAnEditedDefaultAreCheckedAgain() {
        // e0 has its own measure, e1 reads the default one
        String text = "measure flops\nlatency { runs 3 }\n"
                + "experiment e0 { model resnet20; measure params; expect flops <= 50% }\n"
                + "experiment e1 { model resnet20; expect accuracy >= 90% }\n";
        IncrementalDocument d = IncrementalDocument.of(text);
        d.diagnostics(null);
        Object e0 = d.chunk(2).checks[0], e1 = d.chunk(3).checks[0];
        IncrementalDocument latency = d.edit(text.replace("runs 3", "runs 4"));
        latency.diagnostics(null);
        assertSame(e0, latency.chunk(2).checks[0], "no experiment reads latency defaults");
        assertSame(e1, latency.chunk(3).checks[0]);
        IncrementalDocument measure = latency.edit(latency.text().replace("measure flops", "measure latency"));
        List<Diagnostic> found = measure.diagnostics(null);
        assertSame(e0, measure.chunk(2).checks[0], "e0 has its own measure");
        assertNotSame(e1, measure.chunk(3).checks[0]);
        assertTrue(found.stream().anyMatch(x -> x.code().equals(Codes.EXPECT_NOT_MEASURED)), found.toString());
        assertEquals(Checker.check(SpecDocument.parse(measure.text())), found);
    }

    @Test
    void findingsThatNameALineAreMadeAgainWhenTheirExperimentMoves() {
        String text = "experiment a {\n  model resnet20\n  model resnet56\n}\n";
        IncrementalDocument d = IncrementalDocument.of(text);
        assertTrue(d.diagnostics(null).stream().anyMatch(x -> x.message().contains("line 2")));
        IncrementalDocument moved = d.edit("\n\n" + text);
        assertTrue(moved.diagnostics(null).stream().anyMatch(x -> x.message().contains("line 4")), moved.diagnostics(null).toString());
    }

    /** n experiments of 10 lines each, ratios 10%, 11%, ... */
    static String spec(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("experiment e").append(i).append(" {\n  model resnet20\n  dataset synthetic { samples 10 }\n")
                    .append("  prune filters {\n    criterion l1\n    ratio ").append(10 + i).append("%\n  }\n")
                    .append("  measure flops\n  target cpu\n}\n");
        }
        return b.toString();
    }
}
