package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tinytitans.server.estimates.EstimateService;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.Quantity;

/** Small questions about a parsed spec that several features ask: which model applies here, what a prune block says. */
final class SpecQueries {
    private SpecQueries() {}

    /** The experiment statement enclosing offset, if any. */
    static Optional<Statement> experimentAt(SpecDocument doc, int offset) {
        return doc.statementsAt(offset).stream().filter(s -> s.name().equals("experiment")).findFirst();
    }

    /** The model named in the experiment, or in a top-level default when the experiment has none. */
    static Optional<String> modelOf(SpecDocument doc, Statement experiment) {
        if (experiment != null) {
            Optional<String> own = argumentOf(experiment.children(), "model");
            if (own.isPresent()) return own;
        }
        return argumentOf(doc.root().statements(), "model");
    }

    static Optional<String> modelAt(SpecDocument doc, int offset) {
        return modelOf(doc, experimentAt(doc, offset).orElse(null));
    }

    static Optional<String> argumentOf(List<Statement> statements, String keyword) {
        return statements.stream().filter(s -> s.name().equals(keyword)).findFirst()
                .flatMap(Statement::argument).map(Value::value);
    }

    /** The first value of a property inside a block, as written. */
    static Optional<Value> property(Statement block, String name) {
        return block.children().stream().filter(s -> s.name().equals(name)).findFirst().flatMap(Statement::argument);
    }

    /** Every statement of the file, depth first. */
    static List<Statement> all(SpecDocument doc) {
        List<Statement> out = new ArrayList<>();
        collect(doc.root().statements(), out);
        return out;
    }

    private static void collect(List<Statement> level, List<Statement> out) {
        for (Statement s : level) {
            out.add(s);
            collect(s.children(), out);
        }
    }

    /** A ratio as a fraction 0..1: "50%" -> 0.5, "0.3" -> 0.3; empty when it is not a valid ratio. */
    static Optional<Double> ratio(String text) {
        return Quantity.parse(text).flatMap(q -> {
            double f = q.isPercent() ? q.value() / 100 : q.hasUnit() ? -1 : q.value();
            return f >= 0 && f < 1 ? Optional.of(f) : Optional.empty();
        });
    }

    /** The estimate query a prune block describes with a given ratio (or its own ratio/count when null). */
    static Optional<EstimateService.PruneQuery> pruneQuery(Statement prune, Double ratioOverride) {
        String granularity = prune.argument().map(Value::value).orElse(null);
        if (granularity == null) return Optional.empty();
        Double ratio = ratioOverride;
        Integer count = null;
        if (ratio == null) {
            ratio = property(prune, "ratio").flatMap(v -> ratio(v.text())).orElse(null);
            count = property(prune, "count").flatMap(v -> Quantity.parse(v.text())).map(q -> (int) q.base()).orElse(null);
        }
        if (ratio == null && count == null) return Optional.empty();
        String scope = property(prune, "scope").map(Value::value).orElse("per-layer");
        List<String> exclude = prune.children().stream().filter(s -> s.name().equals("exclude"))
                .flatMap(s -> s.values().stream()).map(Value::value).toList();
        return Optional.of(new EstimateService.PruneQuery(granularity, ratio, count, scope, exclude));
    }
}
