package org.tinytitans.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Syntax and semantic diagnostics of a spec, sorted by position. Never throws. */
public final class Checker {
    private Checker() {}

    public static List<Diagnostic> check(SpecDocument doc) {
        List<Diagnostic> all = new ArrayList<>(doc.syntaxDiagnostics());
        all.addAll(new SemanticChecker(doc).run());
        all.sort(Comparator.comparingInt((Diagnostic d) -> d.range().start().offset())
                .thenComparingInt(d -> d.range().end().offset()));
        return List.copyOf(all);
    }
}
