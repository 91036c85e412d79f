package org.tinytitans.language;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tinytitans.language.ast.Statement;

/**
 * {@link Checker#check(SpecDocument, Path)} over an {@link IncrementalDocument}, keeping each experiment's findings
 * until the experiment or a default it reads changes. The semantic rules are {@link SemanticChecker}'s, called
 * in the same order as for a whole file, so the list is the same:
 * <ul>
 * <li>syntax findings come from the pieces, moved to where the pieces are now;</li>
 * <li>the defaults (top-level statements outside experiments) are checked as one list whenever one of them
 *     changes or moves, or whether every experiment has a dataset changes (they are few);</li>
 * <li>an experiment's name and emptiness are checked every time (duplicate names span the file; cheap);</li>
 * <li>an experiment's body is checked again only when its piece was parsed again, when a default it reads
 *     ({@link SemanticChecker#readsDefault}) is another statement than before, or when a message names a line
 *     and the experiment moved to other lines; otherwise its findings move with the pieces they lie in;</li>
 * <li>files named by `weights` and dataset `path` are looked up on every check, as the whole-file check does
 *     (a file may appear at any time); pieces that name none are skipped.</li>
 * </ul>
 */
final class IncrementalCheck {
    private IncrementalCheck() {}

    /** What one snapshot hands the next: the defaults' findings and what they were made from. */
    static final class Memo {
        volatile Defaults defaults;
    }

    /** A top-level statement, by piece and index; equal only for the same piece object (records compare it by identity). */
    record Ref(Chunk chunk, int index) {}

    /** A top-level statement of this snapshot: its piece's index here, the statement as parsed in frame f. */
    private record Top(int k, Chunk.Frame f, int index) {
        Statement statement() {
            return f.statements().get(index);
        }

        Ref ref(IncrementalDocument doc) {
            return new Ref(doc.chunk(k), index);
        }
    }

    /** A finding, the piece it lies in and where that piece was when it was found. */
    private record Found(Diagnostic diagnostic, Chunk chunk, int offset, int line) {}

    /** An experiment body's findings and what they were made from. */
    private record BodyFindings(List<Ref> defaults, int line, boolean namedLines, List<Found> found) {}

    /** The defaults' findings (in document positions) and what they were made from. */
    record Defaults(List<Ref> refs, List<Long> places, boolean everyHasDataset, boolean noExperiments, List<Diagnostic> found) {}

    static List<Diagnostic> check(IncrementalDocument doc, Path folder) {
        List<Diagnostic> syntax = new ArrayList<>();
        List<Diagnostic> files = new ArrayList<>();
        List<Top> defaults = new ArrayList<>();
        List<Top> experiments = new ArrayList<>();
        boolean everyHasDataset = true;
        for (int k = 0; k < doc.size(); k++) {
            Chunk.Frame f = doc.chunk(k).anyFrame();
            Shift by = shift(doc, k, f);
            syntax.addAll(by.diagnostics(f.syntax()));
            for (int i = 0; i < f.statements().size(); i++) {
                Statement s = f.statements().get(i);
                if (s.name().equals("experiment")) {
                    experiments.add(new Top(k, f, i));
                    everyHasDataset &= SemanticChecker.hasDataset(s);
                } else {
                    defaults.add(new Top(k, f, i));
                }
            }
            if (folder != null && namesFiles(doc.chunk(k), f)) {
                Report report = new Report();
                FileChecker.check(f.statements(), folder, report);
                files.addAll(by.diagnostics(report.list));
            }
        }
        everyHasDataset &= !experiments.isEmpty();
        SemanticChecker checker = new SemanticChecker();
        List<Diagnostic> semantic = new ArrayList<>(defaults(doc, defaults, everyHasDataset, experiments.isEmpty(), checker));
        Map<String, Integer> names = new HashMap<>(experiments.size() * 2);
        Map<Chunk, Integer> where = null;
        for (Top e : experiments) {
            Statement s = e.statement();
            Shift by = shift(doc, e.k(), e.f());
            int line = s.range().start().line() + by.lines();
            Integer first = s.argument().map(n -> names.putIfAbsent(n.value(), line)).orElse(null);
            checker.head(s, first == null ? -1 : first, defaults.isEmpty());
            semantic.addAll(by.diagnostics(checker.take()));
            for (Found x : body(doc, e, defaults, checker)) {
                Chunk c = x.chunk();
                int at;
                if (c == doc.chunk(e.k())) {
                    at = e.k();
                } else { // a finding in a default (a dataset's classes): that piece may have moved on its own
                    if (where == null) where = indexes(doc);
                    at = where.get(c);
                }
                semantic.add(new Shift(doc.offset(at) - x.offset(), doc.line(at) - x.line()).apply(x.diagnostic()));
            }
        }
        if (defaults.isEmpty() && experiments.isEmpty()) {
            checker.emptySpec(syntax.isEmpty());
            semantic.addAll(checker.take());
        }
        return Checker.combine(syntax, semantic, files);
    }

    /** Whether piece c (parsed as in f) names files; most pieces do not, and then nothing is looked up. */
    private static boolean namesFiles(Chunk c, Chunk.Frame f) {
        Boolean b = c.namesFiles;
        if (b == null) {
            b = !FileChecker.targets(f.statements()).isEmpty();
            c.namesFiles = b;
        }
        return b;
    }

    /** How far piece k moved since frame f was placed. */
    private static Shift shift(IncrementalDocument doc, int k, Chunk.Frame f) {
        return new Shift(doc.offset(k) - f.offset(), doc.line(k) - f.line());
    }

    private static List<Diagnostic> defaults(IncrementalDocument doc, List<Top> defaults, boolean everyHasDataset,
                                             boolean noExperiments, SemanticChecker checker) {
        List<Ref> refs = new ArrayList<>(defaults.size());
        List<Long> places = new ArrayList<>(defaults.size());
        for (Top d : defaults) {
            refs.add(d.ref(doc));
            places.add(((long) doc.offset(d.k()) << 32) | doc.line(d.k()));
        }
        Defaults memo = doc.memo().defaults;
        if (memo != null && memo.refs().equals(refs) && memo.places().equals(places) && memo.everyHasDataset() == everyHasDataset
                && memo.noExperiments() == noExperiments) {
            return memo.found();
        }
        List<Statement> placed = new ArrayList<>(defaults.size());
        for (Top d : defaults) placed.add(doc.frame(d.k()).statements().get(d.index()));
        checker.defaults(placed, everyHasDataset, noExperiments);
        List<Diagnostic> found = checker.take();
        doc.memo().defaults = new Defaults(refs, places, everyHasDataset, noExperiments, found);
        return found;
    }

    /** The body findings of experiment e, from its piece's cache when still valid. */
    private static List<Found> body(IncrementalDocument doc, Top e, List<Top> defaults, SemanticChecker checker) {
        Chunk own = doc.chunk(e.k());
        List<Statement> children = e.statement().children();
        List<Top> read = defaults.isEmpty() ? List.of() : new ArrayList<>();
        List<Ref> refs = defaults.isEmpty() ? List.of() : new ArrayList<>();
        for (Top d : defaults) {
            if (SemanticChecker.readsDefault(children, d.statement().name())) {
                read.add(d);
                refs.add(d.ref(doc));
            }
        }
        Object[] cache = own.checks;
        if (cache == null) {
            cache = new Object[e.f().statements().size()];
            own.checks = cache;
        }
        if (cache[e.index()] instanceof BodyFindings b && b.defaults().equals(refs) && (!b.namedLines() || b.line() == doc.line(e.k()))) {
            return b.found();
        }
        Statement placed = doc.frame(e.k()).statements().get(e.index());
        List<Statement> placedDefaults = new ArrayList<>(read.size());
        for (Top d : read) placedDefaults.add(doc.frame(d.k()).statements().get(d.index()));
        checker.body(placed, placedDefaults);
        boolean namedLines = checker.namedLines();
        List<Found> found = new ArrayList<>();
        int ownStart = doc.offset(e.k()), ownEnd = ownStart + own.length;
        for (Diagnostic d : checker.take()) {
            int at = d.range().start().offset();
            int k = e.k();
            if (at < ownStart || at >= ownEnd) {
                for (Top t : read) {
                    int s = doc.offset(t.k());
                    if (s <= at && at < s + doc.chunk(t.k()).length) k = t.k();
                }
            }
            found.add(new Found(d, doc.chunk(k), doc.offset(k), doc.line(k)));
        }
        cache[e.index()] = new BodyFindings(refs, doc.line(e.k()), namedLines, List.copyOf(found));
        return found;
    }

    private static Map<Chunk, Integer> indexes(IncrementalDocument doc) {
        Map<Chunk, Integer> out = new IdentityHashMap<>();
        for (int k = 0; k < doc.size(); k++) out.put(doc.chunk(k), k);
        return out;
    }
}
