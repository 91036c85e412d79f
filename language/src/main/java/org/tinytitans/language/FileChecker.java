package org.tinytitans.language;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Value;

/**
 * Files a spec names that are not there: a model's `weights`, a dataset's `path`. A warning at the path, not an
 * error: the file may be written before the run. Paths are relative to the spec's folder, as a run reads them.
 */
final class FileChecker {
    /** block -> the properties of it that name a file or folder. */
    private static final Map<String, List<String>> FILE_PROPERTIES = Map.of("model", List.of("weights"), "dataset", List.of("path"));

    private FileChecker() {}

    /** A value that names a file: a model's `weights` or a dataset's `path`. */
    record Target(Value value, String block, String property) {}

    static void check(List<Statement> statements, Path baseDir, Report report) {
        for (Target t : targets(statements)) check(t.value(), t.block(), t.property(), baseDir, report);
    }

    /** The values among these top-level statements (and their experiments) that name files, in document order. */
    static List<Target> targets(List<Statement> statements) {
        List<Target> out = new ArrayList<>();
        collect(statements, out);
        return out;
    }

    private static void collect(List<Statement> statements, List<Target> out) {
        for (Statement s : statements) {
            if (s.name().equals("experiment")) {
                collect(s.children(), out);
                continue;
            }
            for (String property : FILE_PROPERTIES.getOrDefault(s.name(), List.of())) {
                for (Statement p : s.children()) {
                    if (p.name().equals(property) && p.values().size() == 1) out.add(new Target(p.values().get(0), s.name(), property));
                }
            }
        }
    }

    private static void check(Value v, String block, String property, Path baseDir, Report report) {
        if (v.kind() != TokenKind.STRING && v.kind() != TokenKind.NAME) return;
        String given = v.value();
        if (given.isBlank()) return;
        try {
            Path p = baseDir.resolve(given);
            if (!Files.exists(p)) {
                report.warning(v.range(), Codes.MISSING_FILE, block + " " + property + " \"" + given + "\" does not exist"
                        + (Path.of(given).isAbsolute() ? "" : " (looked for " + p.normalize() + ")") + "; the run needs it");
            }
        } catch (InvalidPathException e) {
            report.warning(v.range(), Codes.MISSING_FILE, block + " " + property + " \"" + given + "\" is not a valid path: " + e.getReason());
        }
    }
}
