package org.tinytitans.server.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.server.TitansAssert.apply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tinytitans.server.TitansAssert;
import org.tinytitans.server.TitansAssert.Caret;
import org.tinytitans.server.jobs.JobResults;
import org.tinytitans.language.SpecDocument;

/** Outline, folding, formatting, semantic tokens, definition, rename, links, lenses and inlay hints. */
class EditorFeaturesTest {
    static final String SPEC = "# two\n# comments\nexperiment e {\n  model resnet56 { weights \"w.h5\" }\n  dataset cifar10\n"
            + "  prune filters {\n    criterion l1\n    ratio 50%\n  }\n  measure flops\n  expect flops <= 55%\n}\n";
    static final String URI = "file:///tmp/spec.prune";

    @Test
    void outlineIsHierarchicalOrFlat() {
        var symbols = Symbols.symbols(SpecDocument.parse(SPEC), URI, true);
        DocumentSymbol e = symbols.get(0).getRight();
        assertEquals("e", e.getName());
        assertEquals(SymbolKind.Class, e.getKind());
        assertTrue(e.getChildren().stream().anyMatch(c -> c.getName().equals("prune filters") && c.getKind() == SymbolKind.Function),
                e.getChildren().toString());
        var flat = Symbols.symbols(SpecDocument.parse(SPEC), URI, false);
        assertTrue(flat.size() > 1);
        assertTrue(flat.stream().allMatch(s -> s.isLeft()));
        assertEquals("e", flat.get(1).getLeft().getContainerName());
    }

    @Test
    void foldingCoversBlocksAndCommentRuns() {
        List<FoldingRange> ranges = Folding.ranges(SpecDocument.parse(SPEC));
        assertTrue(ranges.stream().anyMatch(r -> r.getStartLine() == 2 && r.getEndLine() == 10), ranges.toString());
        assertTrue(ranges.stream().anyMatch(r -> r.getStartLine() == 5 && r.getEndLine() == 7), ranges.toString());
        assertTrue(ranges.stream().anyMatch(r -> r.getStartLine() == 0 && r.getEndLine() == 1
                && FoldingRangeKind.Comment.equals(r.getKind())), ranges.toString());
    }

    @Test
    void formattingWholeAndRange() {
        String messy = "experiment e {\nmodel resnet56\n     dataset    cifar10\n}\n";
        String formatted = apply(messy, Formatting.format(SpecDocument.parse(messy)));
        assertEquals("experiment e {\n  model resnet56\n  dataset cifar10\n}\n", formatted);
        assertTrue(Formatting.format(SpecDocument.parse(formatted)).isEmpty());
        String rangeOnly = apply(messy, Formatting.formatRange(SpecDocument.parse(messy), TitansAssert.r(1, 0, 1, 3)));
        assertEquals("experiment e {\n  model resnet56\n     dataset    cifar10\n}\n", rangeOnly);
    }

    @Test
    void semanticTokensClassifyKeywordsAndValues() {
        List<Integer> data = SemanticTokens.encode(SpecDocument.parse("experiment e {\n  ratio 50%\n}\n"));
        // experiment(keyword) e(namespace) ratio(property) 50%(number)
        assertEquals(List.of(0, 0, 10, 0, 0, 0, 11, 1, 2, 0, 1, 2, 5, 1, 0, 0, 6, 3, 6, 0), data);
    }

    @Test
    void definitionAndLinksOnExistingPaths(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("spec.prune");
        Files.writeString(dir.resolve("w.h5"), "x");
        Caret c = Caret.of(SPEC.replace("\"w.h5\"", "\"w.|h5\""));
        List<Location> defs = Definition.definition(c.doc(), spec, c.offset());
        assertEquals(1, defs.size());
        assertEquals(dir.resolve("w.h5").toUri().toString(), defs.get(0).getUri());
        var links = DocumentLinks.links(SpecDocument.parse(SPEC), spec);
        assertEquals(1, links.size());
        assertEquals(3, links.get(0).getRange().getStart().getLine());
        Files.delete(dir.resolve("w.h5"));
        assertTrue(DocumentLinks.links(SpecDocument.parse(SPEC), spec).isEmpty(), "no dead links");
    }

    @Test
    void renameAnExperiment() {
        Caret c = Caret.of("experiment resnet|56_l1 {\n  model resnet56\n}\nexperiment other {\n}\n");
        assertEquals("resnet56_l1", Rename.prepare(c.doc(), c.offset()).getPlaceholder());
        WorkspaceEdit edit = Rename.rename(c.doc(), URI, c.offset(), "baseline");
        assertTrue(apply(c.doc().text(), edit.getChanges().get(URI)).startsWith("experiment baseline {\n  model resnet56\n"));
        assertThrows(ResponseErrorException.class, () -> Rename.rename(c.doc(), URI, c.offset(), "other"));
        assertThrows(ResponseErrorException.class, () -> Rename.rename(c.doc(), URI, c.offset(), "9 bad"));
        Caret onModel = Caret.of("experiment e {\n  model resn|et56\n}\n");
        assertNull(Rename.prepare(onModel.doc(), onModel.offset()));
    }

    @Test
    void lensesRunEstimateCancelOpenReport() {
        SpecDocument doc = SpecDocument.parse(SPEC);
        List<String> idle = titles(CodeLenses.lenses(doc, URI, false, null));
        assertEquals(List.of("\u25b6 Run", "Estimate"), idle);
        assertEquals(List.of("\u25a0 Cancel run", "Estimate"), titles(CodeLenses.lenses(doc, URI, true, null)));
        JobResults done = new JobResults("h", SPEC, JobResults.State.FINISHED, List.of(), List.of(), List.of(), 0, null, null);
        List<CodeLens> lenses = CodeLenses.lenses(doc, URI, false, done);
        assertEquals("\u2713 Open report", lenses.get(2).getCommand().getTitle());
        assertEquals(CodeLenses.OPEN_REPORT, lenses.get(2).getCommand().getCommand());
        assertEquals(List.of(URI), lenses.get(2).getCommand().getArguments());
        assertEquals(2, lenses.get(0).getRange().getStart().getLine());
    }

    @Test
    void inlayHintsShowEstimatesWhileTypingAndResultsAfterARun() {
        SpecDocument doc = SpecDocument.parse(SPEC);
        List<InlayHint> live = InlayHints.hints(doc, null, TitansAssert.ESTIMATES, true, null);
        assertTrue(label(live, 3).contains("params") && label(live, 3).contains("FLOPs"), live.toString());
        assertTrue(label(live, 7).contains("FLOPs") && label(live, 7).contains("-"), live.toString());
        JobResults r = new JobResults("h", SPEC, JobResults.State.FINISHED,
                List.of(new JobResults.Metric("e", "baseline", "latency", 4.0, "ms", 10),
                        new JobResults.Metric("e", "pruned", "latency", 2.0, "ms", 10)),
                List.of(new JobResults.Verdict("e", 11, "flops <= 55%", true, "50%")), List.of(), 0, null, null);
        List<InlayHint> after = InlayHints.hints(doc, null, TitansAssert.ESTIMATES, false, r);
        assertTrue(label(after, 9).contains("latency 4 ms -> 2 ms (-50%)"), after.toString());
        assertTrue(label(after, 10).contains("\u2713 met 50%"), after.toString());
    }

    @Test
    void aRatioSweepHasOneFigurePerRatio() {
        String sweep = "experiment s {\n  model resnet56\n  prune filters {\n    criterion l1\n    ratio 30%, 70%\n  }\n}\n";
        String hint = label(InlayHints.hints(SpecDocument.parse(sweep), null, TitansAssert.ESTIMATES, true, null), 4);
        assertTrue(hint.matches(".*30%: -\\d+(\\.\\d)?% FLOPs, 70%: -\\d+(\\.\\d)?% FLOPs"), hint);
    }

    private static String label(List<InlayHint> hints, int line) {
        return hints.stream().filter(h -> h.getPosition().getLine() == line).map(h -> h.getLabel().getLeft())
                .findFirst().orElse("");
    }

    private static List<String> titles(List<CodeLens> lenses) {
        return lenses.stream().map(l -> l.getCommand().getTitle()).toList();
    }
}
