package org.tinytitans.language.ast;

import java.util.ArrayList;
import java.util.List;

/** The root of a parsed spec: its top-level statements (experiments and defaults). */
public record SpecFile(List<Statement> statements, Range range) {
    public SpecFile {
        statements = List.copyOf(statements);
    }

    public List<Statement> experiments() {
        return statements.stream().filter(s -> s.name().equals("experiment")).toList();
    }

    /** The statements with bodies that enclose offset, outermost first. */
    public List<Statement> enclosing(int offset) {
        List<Statement> path = new ArrayList<>();
        List<Statement> level = statements;
        outer:
        while (true) {
            for (Statement s : level) {
                if (s.body() != null && s.body().contains(offset)) {
                    path.add(s);
                    level = s.body().statements();
                    continue outer;
                }
            }
            return path;
        }
    }
}
