package org.tinytitans.cli.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tinytitans.cli.layout.ImportScan.Ref;

/**
 * Checks scanned references against rules and returns one sentence per breach, with file and line. Four kinds:
 * a module must not reach a name ({@link #forbid}); a group of packages may reach a scope only through listed
 * parts of it ({@link #onlyThrough}); a scope is reached only from listed packages ({@link #reachedOnlyFrom});
 * and no packages of one module may depend on each other in a circle
 * ({@link #cycles}).
 */
final class ImportRules {

    private ImportRules() {}

    /** Every reference from {@code module} to a name starting with one of {@code prefixes}. */
    static List<String> forbid(List<Ref> refs, String module, List<String> prefixes) {
        List<String> out = new ArrayList<>();
        for (Ref r : refs) {
            if (r.module().equals(module)) {
                for (String p : prefixes) {
                    if (startsWith(r.target(), p)) {
                        out.add(r.where() + ": module " + module + " must not use " + p + " (uses " + r.target() + ")");
                    }
                }
            }
        }
        return out;
    }

    /**
     * Every reference from a package under {@code from} to a name under {@code scope} that is not under
     * {@code from} itself nor one of {@code allowed}.
     */
    static List<String> onlyThrough(List<Ref> refs, String from, String scope, List<String> allowed) {
        List<String> out = new ArrayList<>();
        for (Ref r : refs) {
            if (startsWith(r.fromPackage(), from) && startsWith(r.target(), scope) && !startsWith(r.target(), from)
                    && allowed.stream().noneMatch(a -> startsWith(r.target(), a))) {
                String may = allowed.isEmpty() ? " may use nothing of " : " may use only " + String.join(", ", allowed) + " of ";
                out.add(r.where() + ": " + r.fromPackage() + may + scope + " (uses " + r.target() + ")");
            }
        }
        return out;
    }

    /** Every reference to a name under {@code scope} from a package outside it and outside all of {@code users}. */
    static List<String> reachedOnlyFrom(List<Ref> refs, String scope, List<String> users) {
        List<String> out = new ArrayList<>();
        for (Ref r : refs) {
            if (startsWith(r.target(), scope) && !startsWith(r.fromPackage(), scope)
                    && users.stream().noneMatch(u -> startsWith(r.fromPackage(), u))) {
                out.add(r.where() + ": only " + String.join(", ", users) + " may use " + scope + " (" + r.fromPackage()
                        + " uses " + r.target() + ")");
            }
        }
        return out;
    }

    /** One line per circle of package dependencies inside a module, with a reference for each edge. */
    static List<String> cycles(List<Ref> refs) {
        Map<String, String> moduleOf = new HashMap<>();
        refs.forEach(r -> moduleOf.put(r.fromPackage(), r.module()));
        Map<String, Map<String, Ref>> edges = new TreeMap<>();
        for (Ref r : refs) {
            String to = packageOf(r.target(), moduleOf.keySet());
            if (to != null && !to.equals(r.fromPackage()) && r.module().equals(moduleOf.get(to))) {
                edges.computeIfAbsent(r.fromPackage(), k -> new TreeMap<>()).putIfAbsent(to, r);
            }
        }
        List<String> out = new ArrayList<>();
        for (Set<String> component : new Tarjan(edges).components()) {
            if (component.size() < 2) continue;
            StringBuilder sb = new StringBuilder("package cycle in module " + moduleOf.get(component.iterator().next())
                    + ": " + String.join(" <-> ", component));
            for (String a : component) {
                for (Map.Entry<String, Ref> e : edges.getOrDefault(a, Map.of()).entrySet()) {
                    if (component.contains(e.getKey())) {
                        sb.append("; ").append(a).append(" -> ").append(e.getKey()).append(" at ").append(e.getValue().where());
                    }
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** The longest known package that {@code name} lies in (a type, a static member or a package), else null. */
    static String packageOf(String name, Set<String> packages) {
        String best = null;
        for (String p : packages) {
            if (startsWith(name, p) && (best == null || p.length() > best.length())) best = p;
        }
        return best;
    }

    /** {@code name} is {@code prefix} or lies under it (a dot follows), so engine.lm does not match engine.lmx. */
    static boolean startsWith(String name, String prefix) {
        return name.equals(prefix) || name.startsWith(prefix.endsWith(".") ? prefix : prefix + ".");
    }

    /** Strongly connected components (Tarjan), in a stable order. */
    private static final class Tarjan {
        private final Map<String, Map<String, Ref>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> found = new ArrayList<>();

        Tarjan(Map<String, Map<String, Ref>> edges) { this.edges = edges; }

        List<Set<String>> components() {
            Set<String> nodes = new TreeSet<>(edges.keySet());
            edges.values().forEach(m -> nodes.addAll(m.keySet()));
            for (String n : nodes) {
                if (!index.containsKey(n)) visit(n);
            }
            found.sort(Comparator.comparing(s -> s.iterator().next()));
            return found;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.add(v);
            onStack.add(v);
            for (String w : edges.getOrDefault(v, new LinkedHashMap<>()).keySet()) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> c = new TreeSet<>();
                String w;
                do {
                    w = stack.remove(stack.size() - 1);
                    onStack.remove(w);
                    c.add(w);
                } while (!w.equals(v));
                found.add(c);
            }
        }
    }
}
