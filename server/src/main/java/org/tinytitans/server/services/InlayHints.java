package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
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
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.catalog.Quantity;
import org.tinytitans.language.resolve.PruneSpec;
import org.tinytitans.engine.figures.Figures;

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
        ResolvedRuns runs = ResolvedRuns.of(doc);
        for (Statement s : SpecQueries.all(doc)) {
            // Clients ask for the visible lines only: skip statements outside them before any estimate is made,
            // so a 10,000-line spec costs what its screenful costs.
            if (range != null && (s.range().end().line() < range.getStart().getLine()
                    || s.range().start().line() > range.getEnd().getLine())) {
                continue;
            }
            if (s.name().equals("model") && s.argument().isPresent()) {
                modelHint(runs.ofModel(s), estimates).or(() -> estimates.model(s.argument().get().value()).map(Estimates::model))
                        .ifPresent(label -> out.add(hint(doc, s.argument().get().range().end().line(), label)));
            }
            if (s.name().equals("prune")) {
                pruneHint(s, runs.ofPrune(s), estimates).ifPresent(label -> out.add(hint(doc, amountLine(s), label)));
            }
        }
    }

    /** The unpruned figures of the runs of a model statement, when they agree (the same model and classes). */
    private static Optional<String> modelHint(List<ExperimentRun> runs, EstimateService estimates) {
        List<String> labels = runs.stream().map(estimates::run).flatMap(Optional::stream)
                .map(f -> Estimates.model(f.last().before())).distinct().toList();
        return labels.size() == 1 ? Optional.of(labels.get(0)) : Optional.empty();
    }

    /**
     * What the runs of a prune block have after it: one figure when they agree, else one per sweep point or
     * experiment ("30%: -50% FLOPs, 50%: -75% FLOPs").
     */
    static Optional<String> pruneHint(Statement prune, List<ResolvedRuns.At> at, EstimateService estimates) {
        Map<String, EstimateService.PruneFigures> byLabel = new LinkedHashMap<>();
        boolean experiments = at.stream().map(a -> a.run().name()).distinct().count() > 1;
        for (ResolvedRuns.At a : at) {
            a.figures(estimates).ifPresent(f -> byLabel.putIfAbsent(label(prune, a, experiments), f));
        }
        if (byLabel.isEmpty()) return Optional.empty();
        if (byLabel.values().stream().distinct().count() == 1) return Optional.of(Estimates.pruneHint(byLabel.values().iterator().next()));
        List<String> parts = new ArrayList<>();
        byLabel.forEach((label, f) -> parts.add(label + ": " + Figures.relative(-f.flopsReduction()) + " FLOPs"));
        return Optional.of(String.join(", ", parts.stream().distinct().toList()));
    }

    /** The sweep point (or experiment) a block's figure belongs to: its ratio or count as written, else the run's variant. */
    private static String label(Statement prune, ResolvedRuns.At a, boolean experiments) {
        PruneSpec p = a.run().prunes().get(a.block());
        String amount = prune.children().stream().filter(c -> c.name().equals("ratio") || c.name().equals("count"))
                .flatMap(c -> c.values().stream()).map(Value::text)
                .filter(t -> Quantity.parse(t).map(Quantity::base).filter(v -> v.equals(p.ratio()) || v.equals(p.count() == null ? null : p.count().doubleValue())).isPresent())
                .findFirst().orElse(a.run().variantName());
        return experiments ? a.run().name() + " " + amount : amount;
    }

    /** The hint stands beside what says how much is removed: the ratio, count or pattern line, else the block's head. */
    private static int amountLine(Statement prune) {
        return prune.children().stream().filter(c -> c.name().equals("ratio") || c.name().equals("count") || c.name().equals("pattern"))
                .findFirst().map(c -> c.range().end().line()).orElse(prune.keyword().range().end().line());
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
