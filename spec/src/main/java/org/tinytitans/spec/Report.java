package org.tinytitans.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics for the checker; short names keep the rules readable. */
final class Report {
    final List<Diagnostic> list = new ArrayList<>();

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
        List<String> close = org.tinytitans.spec.catalog.Catalog.suggestions(name, candidates);
        String hint = close.isEmpty() ? "; expected one of: " + String.join(", ", candidates)
                : "; did you mean '" + close.get(0) + "'?";
        error(r, code, "unknown " + what + " '" + name + "'" + hint, close);
    }
}
