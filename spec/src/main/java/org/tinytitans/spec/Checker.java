package org.tinytitans.spec;

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
        List<Diagnostic> all = new ArrayList<>(doc.syntaxDiagnostics());
        // a line with a syntax error holds a half-parsed statement: judging its leftovers would
        // only repeat the same mistake (one mistake, one diagnostic)
        Set<Integer> brokenLines = new HashSet<>();
        for (Diagnostic d : doc.syntaxDiagnostics()) {
            if (!d.code().equals(Codes.MISSING_BRACE)) brokenLines.add(d.range().start().line());
        }
        for (Diagnostic d : new SemanticChecker(doc).run()) {
            if (!brokenLines.contains(d.range().start().line())) all.add(d);
        }
        if (baseDir != null) {
            Report files = new Report();
            FileChecker.check(doc.root().statements(), baseDir, files);
            all.addAll(files.list);
        }
        all.sort(Comparator.comparingInt((Diagnostic d) -> d.range().start().offset())
                .thenComparingInt(d -> d.range().end().offset()));
        return List.copyOf(all);
    }
}
