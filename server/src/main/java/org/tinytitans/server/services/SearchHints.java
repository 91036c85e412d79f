package org.tinytitans.server.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.tinytitans.engine.report.SearchResult;
import org.tinytitans.language.SpecDocument;

/**
 * After a ratio search, beside each {@code ratio auto} line: the per-layer ratios it found, short ("found: conv1
 * 30%, conv2 55%", or for many layers "found: 27 layers 10%-80%, mean 49%"; "found: count 3" for layer pruning).
 */
public final class SearchHints {
    /** More layers than this are summarised rather than listed. */
    static final int LISTED = 4;

    private SearchHints() {}

    public static List<InlayHint> hints(SpecDocument doc, org.eclipse.lsp4j.Range range, Map<String, SearchResult> searches) {
        List<InlayHint> out = new ArrayList<>();
        for (SearchBlocks b : SearchBlocks.of(doc)) {
            int line = b.ratio().range().end().line();
            if (range != null && (line < range.getStart().getLine() || line > range.getEnd().getLine())) continue;
            plan(b, searches).ifPresent(p -> {
                Position end = Ranges.line(doc, line + 1).getEnd();
                InlayHint h = new InlayHint(new Position(line, end.getCharacter()), Either.forLeft("  found: " + label(p)));
                h.setKind(InlayHintKind.Type);
                h.setPaddingLeft(true);
                out.add(h);
            });
        }
        return out;
    }

    /** The chosen plan's entry for this block, when its experiment's search chose one. */
    static Optional<SearchResult.BlockPlan> plan(SearchBlocks b, Map<String, SearchResult> searches) {
        SearchResult s = b.experimentName() == null ? null : searches.get(b.experimentName());
        if (s == null || s.chosenTrial() == null) return Optional.empty();
        return s.chosenTrial().plan().stream().filter(p -> p.block() == b.index()).findFirst()
                .filter(p -> p.count() != null || !p.ratios().isEmpty());
    }

    static String label(SearchResult.BlockPlan p) {
        if (p.count() != null) return "count " + p.count();
        if (p.ratios().size() <= LISTED) {
            List<String> parts = new ArrayList<>();
            p.ratios().forEach((layer, r) -> parts.add(layer + " " + percent(r)));
            return String.join(", ", parts);
        }
        double lo = p.ratios().values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = p.ratios().values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double mean = p.ratios().values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return p.ratios().size() + " layers " + percent(lo) + "-" + percent(hi) + ", mean " + percent(mean);
    }

    /** A removed fraction as the language writes a ratio: 0.3 as "30%", 0.5517 as "55.17%". */
    static String percent(double fraction) {
        return new BigDecimal(fraction * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
