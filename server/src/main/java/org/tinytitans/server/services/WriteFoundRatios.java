package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.tinytitans.engine.report.SearchResult;
import org.tinytitans.language.SpecDocument;

/**
 * The code action "Write the found ratios into the spec": the {@code ratio auto} line of a searched prune block
 * becomes the chosen plan, one {@code layer "NAME" ratio R} line per layer ({@code count N} for {@code prune
 * layers}), indented as the line it replaces, as the Formatter lays out a block's statements. The spec then runs
 * the found plan with no search: plain and reproducible.
 */
public final class WriteFoundRatios {
    public static final String TITLE = "Write the found ratios into the spec";

    private WriteFoundRatios() {}

    /** One action per searched block that the requested range touches. */
    public static List<CodeAction> actions(SpecDocument doc, String uri, Range range, Map<String, SearchResult> searches) {
        List<CodeAction> out = new ArrayList<>();
        if (searches.isEmpty()) return out;
        for (SearchBlocks b : SearchBlocks.of(doc)) {
            int first = b.prune().range().start().line();
            int last = b.prune().range().end().line();
            if (range != null && (range.getEnd().getLine() < first || range.getStart().getLine() > last)) continue;
            SearchHints.plan(b, searches).ifPresent(p -> out.add(action(doc, uri, b, p)));
        }
        return out;
    }

    private static CodeAction action(SpecDocument doc, String uri, SearchBlocks b, SearchResult.BlockPlan p) {
        int column = b.ratio().range().start().column();
        String indent = " ".repeat(column);
        List<String> lines = new ArrayList<>();
        if (p.count() != null) {
            lines.add("count " + p.count());
        } else {
            p.ratios().forEach((layer, r) -> lines.add("layer " + quoted(layer) + " ratio " + SearchHints.percent(r)));
        }
        // from the start of `ratio` to the end of its statement: the indentation before it stays, and each further
        // line gets the same
        Range replaced = new Range(new Position(b.ratio().range().start().line(), column),
                new Position(b.ratio().range().end().line(), b.ratio().range().end().column()));
        CodeAction a = new CodeAction(TITLE + (b.experimentName() == null ? "" : " (" + b.experimentName() + ", prune "
                + (b.granularity() == null ? "block " + b.index() : b.granularity()) + ")"));
        a.setKind(CodeActionKind.RefactorRewrite);
        a.setEdit(new WorkspaceEdit(Map.of(uri, List.of(new TextEdit(replaced, String.join("\n" + indent, lines))))));
        return a;
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
