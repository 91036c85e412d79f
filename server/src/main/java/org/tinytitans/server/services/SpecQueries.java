package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.Quantity;

/**
 * Small syntax questions several features ask: which model a caret is under (for completion while typing). What a
 * statement resolves to and its estimates come from {@link ResolvedRuns}, as the CLI resolves them.
 */
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
}
