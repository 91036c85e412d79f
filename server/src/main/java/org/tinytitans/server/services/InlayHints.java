package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.tinytitans.engine.figures.Figures;
import org.tinytitans.server.estimates.EstimateService;
import org.tinytitans.server.jobs.JobResults;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;

/**
 * Hints at the end of lines: live analytic estimates beside `model` and `ratio`/`count` lines while typing, and
 * after a run the measured figures beside their lines and a pass/fail mark beside each `expect`. Reads only
 * what is already computed (the estimate service is analytic and cached, results come from the last job).
 */
public final class InlayHints {
    private InlayHints() {}

    public static List<InlayHint> hints(SpecDocument doc, org.eclipse.lsp4j.Range range, EstimateService estimates,
                                        boolean showEstimates, JobResults results) {
        List<InlayHint> out = new ArrayList<>();
        if (showEstimates) estimates(doc, range, estimates, out);
        if (results != null) results(doc, results, out);
        out.removeIf(h -> range != null && (h.getPosition().getLine() < range.getStart().getLine()
                || h.getPosition().getLine() > range.getEnd().getLine()));
        out.sort((a, b) -> Integer.compare(a.getPosition().getLine(), b.getPosition().getLine()));
        return out;
    }

    private static void estimates(SpecDocument doc, org.eclipse.lsp4j.Range range, EstimateService estimates, List<InlayHint> out) {
        for (Statement s : SpecQueries.all(doc)) {
            // Clients ask for the visible lines only: skip statements outside them before any estimate is made,
            // so a 10,000-line spec costs what its screenful costs.
            if (range != null && (s.range().end().line() < range.getStart().getLine()
                    || s.range().start().line() > range.getEnd().getLine())) {
                continue;
            }
            if (s.name().equals("model") && s.argument().isPresent()) {
                estimates.model(s.argument().get().value())
                        .ifPresent(f -> out.add(hint(doc, s.argument().get().range().end().line(), Estimates.model(f))));
            }
            if (s.name().equals("prune")) {
                Optional<String> model = SpecQueries.modelAt(doc, s.keyword().start());
                Optional<Statement> amount = s.children().stream()
                        .filter(c -> c.name().equals("ratio") || c.name().equals("count")).findFirst();
                if (model.isEmpty() || amount.isEmpty()) continue;
                int line = amount.get().range().end().line();
                if (amount.get().name().equals("ratio") && amount.get().values().size() > 1) {
                    // a sweep: one figure per ratio
                    List<String> parts = new ArrayList<>();
                    for (Value v : amount.get().values()) {
                        SpecQueries.ratio(v.text()).flatMap(f -> SpecQueries.pruneQuery(s, f))
                                .flatMap(q -> estimates.prune(model.get(), q))
                                .ifPresent(e -> parts.add(v.text() + ": " + Figures.relative(-e.flopsReduction()) + " FLOPs"));
                    }
                    if (!parts.isEmpty()) out.add(hint(doc, line, String.join(", ", parts)));
                    continue;
                }
                SpecQueries.pruneQuery(s, null).flatMap(q -> estimates.prune(model.get(), q))
                        .ifPresent(e -> out.add(hint(doc, line, Estimates.pruneHint(e))));
            }
        }
    }

    private static void results(SpecDocument doc, JobResults r, List<InlayHint> out) {
        RunLines lines = new RunLines(r.specText(), doc);
        for (JobResults.Verdict v : r.expects()) {
            int line = lines.map(v.line());
            if (line < 0) continue;
            String actual = v.actual() == null ? "" : " " + v.actual();
            out.add(hint(doc, line, (v.passed() ? "\u2713 met" : "\u2717 not met") + actual));
        }
        for (Map.Entry<Integer, List<String>> e : Diagnostics.figuresByLine(doc, r, lines).entrySet()) {
            out.add(hint(doc, e.getKey(), String.join(", ", e.getValue())));
        }
    }

    private static InlayHint hint(SpecDocument doc, int line, String label) {
        Position end = Ranges.line(doc, line + 1).getEnd();
        InlayHint h = new InlayHint(new Position(line, end.getCharacter()), Either.forLeft("  " + label));
        h.setKind(InlayHintKind.Type);
        h.setPaddingLeft(true);
        return h;
    }
}
