package org.tinytitans.language;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

/** Syntax and semantic diagnostics of a spec, sorted by position. Never throws. */
public final class Checker {
    private Checker() {}

    public static List<Diagnostic> check(SpecDocument doc) {
        return check(doc, null);
    }

    /** As {@link #check(SpecDocument)}, and warns at each `weights` or dataset `path` missing under baseDir (null: skip). */
    public static List<Diagnostic> check(SpecDocument doc, Path baseDir) {
        List<Diagnostic> files = List.of();
        if (baseDir != null) {
            Report report = new Report();
            FileChecker.check(doc.root().statements(), baseDir, report);
            files = report.list;
        }
        return combine(doc.syntaxDiagnostics(), SemanticChecker.run(doc), files);
    }

    /** The one list from its three sources (each in document order), as both this and {@link IncrementalCheck} give it. */
    static List<Diagnostic> combine(List<Diagnostic> syntax, List<Diagnostic> semantic, List<Diagnostic> files) {
        List<Diagnostic> all = new ArrayList<>(syntax.size() + semantic.size() + files.size());
        all.addAll(syntax);
        // a line with a syntax error holds a half-parsed statement: judging its leftovers would
        // only repeat the same mistake (one mistake, one diagnostic)
        Set<Integer> brokenLines = new HashSet<>();
        for (Diagnostic d : syntax) {
            if (!d.code().equals(Codes.MISSING_BRACE)) brokenLines.add(d.range().start().line());
        }
        for (Diagnostic d : semantic) {
            if (!brokenLines.contains(d.range().start().line())) all.add(d);
        }
        all.addAll(files);
        all.sort(Comparator.comparingInt((Diagnostic d) -> d.range().start().offset())
                .thenComparingInt(d -> d.range().end().offset()));
        return List.copyOf(all);
    }
}
