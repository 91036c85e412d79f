package org.tinytitans.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.PropertyInfo;

/**
 * How an experiment's statements combine with the file's top-level defaults:
 * <ul>
 * <li>model, dataset, target: the experiment's own replaces the default; when both name the same
 *     model/dataset/target kind, their properties merge (the experiment's win);</li>
 * <li>finetune, latency, energy: properties merge, the experiment's win;</li>
 * <li>prune blocks, measure and export: the experiment's own replace the defaults when it has any;</li>
 * <li>expect: defaults first, then the experiment's own;</li>
 * <li>description, seed: the experiment's own win.</li>
 * </ul>
 * Shared by the checker and {@link Experiments}, so both read a spec the same way.
 */
public final class Merge {
    /** A swept property: its variant key, block statement and property statement. */
    public record Sweep(String key, Statement block, Statement property) {}

    private final List<Statement> own;
    private final List<Statement> defaults;

    private Merge(List<Statement> own, List<Statement> defaults) {
        this.own = own;
        this.defaults = defaults;
    }

    public static Merge of(List<Statement> own, List<Statement> defaults) {
        return new Merge(List.copyOf(own), List.copyOf(defaults));
    }

    private static Optional<Statement> first(List<Statement> list, String name) {
        return list.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The statement that applies for a once-only block or experiment property, if any. */
    public Optional<Statement> once(String name) {
        return first(own, name).or(() -> first(defaults, name));
    }

    /** Merged properties of a once-only block, by name, in order (defaults first). */
    public Map<String, Statement> properties(String block) {
        Map<String, Statement> out = new LinkedHashMap<>();
        Optional<Statement> mine = first(own, block);
        Optional<Statement> theirs = first(defaults, block);
        boolean sameHead = mine.isEmpty() || theirs.isEmpty()
                || Objects.equals(mine.get().argument().map(Value::text), theirs.get().argument().map(Value::text));
        if (theirs.isPresent() && sameHead) theirs.get().children().forEach(c -> out.putIfAbsent(c.name(), c));
        mine.ifPresent(m -> m.children().forEach(c -> {
            if (!m.children().stream().filter(x -> x.name().equals(c.name())).findFirst().orElseThrow().equals(c)) return;
            out.put(c.name(), c);
        }));
        return out;
    }

    public List<Statement> prunes() {
        List<Statement> mine = own.stream().filter(s -> s.name().equals("prune")).toList();
        return mine.isEmpty() ? defaults.stream().filter(s -> s.name().equals("prune")).toList() : mine;
    }

    public List<Statement> measures() {
        List<Statement> mine = own.stream().filter(s -> s.name().equals("measure")).toList();
        return mine.isEmpty() ? defaults.stream().filter(s -> s.name().equals("measure")).toList() : mine;
    }

    public List<Statement> exports() {
        List<Statement> mine = own.stream().filter(s -> s.name().equals("export")).toList();
        return mine.isEmpty() ? defaults.stream().filter(s -> s.name().equals("export")).toList() : mine;
    }

    public List<Statement> expects() {
        List<Statement> out = new ArrayList<>(defaults.stream().filter(s -> s.name().equals("expect")).toList());
        out.addAll(own.stream().filter(s -> s.name().equals("expect")).toList());
        return out;
    }

    /** Properties with several values that declare a sweep, in declaration order, with unique keys. */
    public List<Sweep> sweeps() {
        List<Sweep> found = new ArrayList<>();
        List<Statement> prunes = prunes();
        for (int i = 0; i < prunes.size(); i++) {
            Statement p = prunes.get(i);
            Map<String, Statement> seen = new LinkedHashMap<>();
            for (Statement c : p.children()) seen.putIfAbsent(c.name(), c);
            for (Statement c : seen.values()) {
                if (sweepable("prune", c)) found.add(new Sweep(c.name(), p, c));
            }
        }
        once("finetune").ifPresent(f -> properties("finetune").values().forEach(c -> {
            if (sweepable("finetune", c)) found.add(new Sweep(c.name(), f, c));
        }));
        // make keys unique: a second prune block's criterion becomes "prune2.criterion"
        List<Sweep> out = new ArrayList<>();
        for (Sweep s : found) {
            long same = found.stream().filter(x -> x.key().equals(s.key())).count();
            if (same == 1) {
                out.add(s);
            } else {
                String block = s.block().name();
                int index = block.equals("prune") ? prunes.indexOf(s.block()) + 1 : 1;
                out.add(new Sweep(block + index + "." + s.key(), s.block(), s.property()));
            }
        }
        return out;
    }

    private static boolean sweepable(String block, Statement property) {
        Optional<PropertyInfo> p = Catalog.get().property(block, property.name());
        return p.isPresent() && p.get().sweepable() && property.values().size() > 1;
    }

    /** Number of runs the sweeps expand to (saturating, so huge products do not overflow). */
    public long sweepSize() {
        long n = 1;
        for (Sweep s : sweeps()) {
            n = Math.min(Long.MAX_VALUE / 1024, n * s.property().values().size());
        }
        return n;
    }
}
