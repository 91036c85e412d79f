package org.tinytitans.language;

import java.util.ArrayList;
import java.util.List;
import org.tinytitans.language.ast.Range;

/** Collects diagnostics for the checker; short names keep the rules readable. */
final class Report {
    final List<Diagnostic> list = new ArrayList<>();
    /** Set when a message names a line: such a finding must be made again when its statement moves to another line. */
    boolean lineRefs;

    /** The 1-based line of a statement, for messages ("already given on line 4"). */
    String lineOf(org.tinytitans.language.ast.Statement s) {
        lineRefs = true;
        return Integer.toString(s.range().start().line() + 1);
    }

    void error(Range r, String code, String message, String... suggestions) {
        list.add(new Diagnostic(r, Severity.ERROR, code, message, List.of(suggestions)));
    }

    void error(Range r, String code, String message, List<String> suggestions) {
        list.add(new Diagnostic(r, Severity.ERROR, code, message, suggestions));
    }

    void warning(Range r, String code, String message, String... suggestions) {
        list.add(new Diagnostic(r, Severity.WARNING, code, message, List.of(suggestions)));
    }

    void info(Range r, String code, String message, String... suggestions) {
        list.add(new Diagnostic(r, Severity.INFO, code, message, List.of(suggestions)));
    }

    /** "unknown X 'y'; did you mean 'z'?" with suggestions populated. */
    void unknown(Range r, String code, String what, String name, List<String> candidates) {
        List<String> close = org.tinytitans.language.catalog.Catalog.suggestions(name, candidates);
        String hint = close.isEmpty() ? "; expected one of: " + String.join(", ", candidates)
                : "; did you mean '" + close.get(0) + "'?";
        error(r, code, "unknown " + what + " '" + name + "'" + hint, close);
    }
}
