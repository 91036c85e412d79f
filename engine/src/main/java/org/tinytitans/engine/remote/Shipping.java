package org.tinytitans.engine.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.DatasetInfo;

/**
 * What a spec needs on another machine and the spec rewritten for it. Local files are the model's `weights`,
 * the dataset's `tasks` and its `path` (written, or the catalog's default path when it exists here), relative to the
 * spec's folder. The copy points at the files' places on the remote side, and its `target ssh/slurm` becomes
 * what the job runs on there: `target gpu N` when a GPU was asked for, else `target cpu`.
 */
final class Shipping {

    /** One local file or folder the spec refers to, and where in the text it is referred to. */
    record Reference(Path local, int start, int end, Kind kind) {
        enum Kind { REPLACE_STRING, INSERT_PATH_IN_BODY, INSERT_BODY }
    }

    /** References found; {@code missing} lists paths written in the spec that do not exist here (left as written). */
    record Found(List<Reference> references, List<String> missing) {
        Set<Path> files() {
            Set<Path> s = new LinkedHashSet<>();
            references.forEach(r -> s.add(r.local()));
            return s;
        }
    }

    private Shipping() {}

    /** The spec file's name without .prune. */
    static String stem(Path spec) {
        String n = spec.getFileName().toString();
        return n.endsWith(".prune") ? n.substring(0, n.length() - ".prune".length()) : n;
    }

    static Found references(SpecDocument doc, Path specDir) {
        List<Reference> refs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Statement s : all(doc.root().statements())) {
            if (s.name().equals("model")) {
                property(s, "weights").ifPresent(v -> stringRef(v, specDir, refs, missing));
            } else if (s.name().equals("dataset")) {
                // zero-shot task files of a language model travel like the data itself
                s.children().stream().filter(c -> c.name().equals("tasks"))
                        .flatMap(c -> c.values().stream()).forEach(v -> stringRef(v, specDir, refs, missing));
                Optional<Value> path = property(s, "path");
                if (path.isPresent()) {
                    stringRef(path.get(), specDir, refs, missing);
                } else {
                    defaultPath(s).map(specDir::resolve).filter(Files::exists).ifPresent(local -> {
                        if (s.hasBody()) {
                            int at = s.body().open().end();
                            refs.add(new Reference(local.normalize(), at, at, Reference.Kind.INSERT_PATH_IN_BODY));
                        } else {
                            int at = s.range().end().offset();
                            refs.add(new Reference(local.normalize(), at, at, Reference.Kind.INSERT_BODY));
                        }
                    });
                }
            }
        }
        return new Found(refs, missing);
    }

    /**
     * The spec text with references pointing at {@code placed} (local path -> path on the job's machine) and
     * remote targets turned into what runs there.
     */
    static String rewrite(SpecDocument doc, Found found, Map<Path, String> placed, Integer gpu) {
        record Edit(int start, int end, String text) {}
        List<Edit> edits = new ArrayList<>();
        for (Reference r : found.references()) {
            String p = literal(placed.get(r.local()));
            edits.add(switch (r.kind()) {
                case REPLACE_STRING -> new Edit(r.start(), r.end(), p);
                case INSERT_PATH_IN_BODY -> new Edit(r.start(), r.end(), " path " + p + ";");
                case INSERT_BODY -> new Edit(r.start(), r.end(), " { path " + p + " }");
            });
        }
        String target = gpu != null ? "target gpu " + gpu : "target cpu";
        for (Statement s : all(doc.root().statements())) {
            if (s.name().equals("target") && s.argument().map(Value::text).filter(k -> k.equals("ssh") || k.equals("slurm")).isPresent()) {
                edits.add(new Edit(s.range().start().offset(), s.range().end().offset(), target));
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder b = new StringBuilder(doc.text());
        for (Edit e : edits) b.replace(e.start(), e.end(), e.text());
        return b.toString();
    }

    /** A spec string literal: quotes and backslashes escaped as the lexer reads them. */
    static String literal(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void stringRef(Value v, Path specDir, List<Reference> refs, List<String> missing) {
        if (v.kind() != TokenKind.STRING || v.value().isBlank()) return;
        Path local = specDir.resolve(v.value()).normalize();
        if (Files.exists(local)) {
            refs.add(new Reference(local, v.range().start().offset(), v.range().end().offset(), Reference.Kind.REPLACE_STRING));
        } else {
            missing.add(v.value());
        }
    }

    private static Optional<Value> property(Statement block, String key) {
        return block.children().stream().filter(c -> c.name().equals(key)).findFirst().flatMap(Statement::argument);
    }

    private static Optional<String> defaultPath(Statement dataset) {
        return dataset.argument().flatMap(v -> Catalog.get().dataset(v.text())).map(DatasetInfo::defaultPath)
                .filter(p -> !p.isEmpty());
    }

    private static List<Statement> all(List<Statement> top) {
        List<Statement> out = new ArrayList<>();
        for (Statement s : top) {
            out.add(s);
            out.addAll(all(s.children()));
        }
        return out;
    }
}
