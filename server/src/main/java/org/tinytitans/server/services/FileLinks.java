package org.tinytitans.server.services;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;

/** The file paths a spec names (`weights`, dataset `path`), resolved from the spec's folder. */
final class FileLinks {
    static final Set<String> PATH_KEYS = Set.of("weights", "path");

    private FileLinks() {}

    record Link(Value value, Path target) {}

    /** Links to paths that exist; a missing file is the checker's business, not a dead link. */
    static List<Link> of(SpecDocument doc, Path spec) {
        List<Link> out = new ArrayList<>();
        if (spec == null) return out;
        Path dir = spec.toAbsolutePath().getParent();
        for (Statement s : SpecQueries.all(doc)) {
            if (!PATH_KEYS.contains(s.name())) continue;
            for (Value v : s.values()) {
                if (v.kind() != TokenKind.STRING || v.value().isBlank()) continue;
                try {
                    Path p = dir.resolve(v.value()).normalize();
                    if (Files.exists(p)) out.add(new Link(v, p));
                } catch (InvalidPathException e) {
                    // not a path on this system: no link
                }
            }
        }
        return out;
    }
}
