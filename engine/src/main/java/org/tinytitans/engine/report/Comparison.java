package org.tinytitans.engine.report;

import org.tinytitans.engine.figures.Figures;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Two runs side by side ({@code titans-cli compare A B}): experiments are matched by id, the rest by
 * position, and every pruned metric either measured gets its change from A to B, absolute and relative.
 */
public record Comparison(RunResult a, RunResult b, List<Pair> pairs, List<ExperimentResult> onlyA,
                         List<ExperimentResult> onlyB) {

    /** One metric of a matched pair; change and relative are null unless both sides measured it. */
    public record Delta(String metric, Double a, Double b, Double change, Double relative) {}

    /** Two experiments taken as the same one, and how they were matched ("id" or "position"). */
    public record Pair(ExperimentResult a, ExperimentResult b, String matchedBy, List<Delta> deltas) {
        public Delta delta(String metric) {
            return deltas.stream().filter(d -> d.metric().equals(metric)).findFirst().orElse(null);
        }
    }

    public static Comparison of(RunResult a, RunResult b) {
        List<ExperimentResult> restA = new ArrayList<>(a.experiments());
        List<ExperimentResult> restB = new ArrayList<>(b.experiments());
        List<Pair> pairs = new ArrayList<>();
        for (ExperimentResult ea : a.experiments()) {
            ExperimentResult eb = restB.stream().filter(x -> x.id().equals(ea.id())).findFirst().orElse(null);
            if (eb != null) {
                pairs.add(pair(ea, eb, "id"));
                restA.remove(ea);
                restB.remove(eb);
            }
        }
        // what the ids did not match (a renamed experiment, a changed sweep value) pairs up in order
        int n = Math.min(restA.size(), restB.size());
        for (int i = 0; i < n; i++) {
            pairs.add(pair(restA.get(i), restB.get(i), "position"));
        }
        return new Comparison(a, b, List.copyOf(pairs), List.copyOf(restA.subList(n, restA.size())),
                List.copyOf(restB.subList(n, restB.size())));
    }

    private static Pair pair(ExperimentResult ea, ExperimentResult eb, String how) {
        Set<String> keys = new LinkedHashSet<>(ea.pruned().keys());
        keys.addAll(eb.pruned().keys());
        List<Delta> deltas = new ArrayList<>();
        for (String k : MetricKind.rows(keys)) {
            Double x = ea.pruned().get(k);
            Double y = eb.pruned().get(k);
            Double change = x != null && y != null ? y - x : null;
            Double rel = change != null && x != 0 ? change / Math.abs(x) : null;
            deltas.add(new Delta(k, x, y, change, rel));
        }
        return new Pair(ea, eb, how, List.copyOf(deltas));
    }

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("A: ").append(name(a)).append('\n').append("B: ").append(name(b)).append('\n');
        for (Pair p : pairs) {
            out.append('\n').append(p.a().title());
            if (!p.a().title().equals(p.b().title())) out.append("  vs  ").append(p.b().title());
            out.append(p.matchedBy().equals("position") ? "  (matched by position)" : "").append('\n');
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"metric", "A", "B", "change", "relative"});
            for (Delta d : p.deltas()) {
                MetricKind k = MetricKind.of(d.metric());
                rows.add(new String[] {k.label(), d.a() == null ? "-" : k.format(d.a()), d.b() == null ? "-" : k.format(d.b()),
                        d.change() == null ? "-" : changeText(k, d.change()),
                        d.relative() == null ? "-" : Figures.relative(d.relative())});
            }
            rows.add(new String[] {"expectations", p.a().expectsText(), p.b().expectsText(), "", ""});
            table(out, rows);
        }
        for (ExperimentResult e : onlyA) out.append("\nonly in A: ").append(e.title()).append('\n');
        for (ExperimentResult e : onlyB) out.append("\nonly in B: ").append(e.title()).append('\n');
        return out.toString();
    }

    private static String changeText(MetricKind k, double change) {
        if (k.fraction()) return Figures.points(change);
        String v = k.format(Math.abs(change));
        return (change < 0 ? "-" : change > 0 ? "+" : "") + v;
    }

    private static String name(RunResult r) {
        String where = r.file() == null ? "" : " (" + r.file() + ")";
        return (r.spec() == null ? r.stem() : r.spec()) + where + ", " + r.status()
                + (r.finishedAt() == null ? "" : ", finished " + r.finishedAt());
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        }
        for (String[] r : rows) {
            StringBuilder l = new StringBuilder("  ");
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(w[i] - r[i].length());
                l.append(i == 0 ? r[i] + pad : pad + r[i]).append("  ");
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }
    }

    public JsonObject toJson() {
        JsonObject root = new JsonObject();
        root.add("a", side(a));
        root.add("b", side(b));
        JsonArray list = new JsonArray();
        for (Pair p : pairs) {
            JsonObject o = new JsonObject();
            o.addProperty("a", p.a().id());
            o.addProperty("b", p.b().id());
            o.addProperty("matched_by", p.matchedBy());
            JsonObject metrics = new JsonObject();
            for (Delta d : p.deltas()) {
                JsonObject m = new JsonObject();
                m.addProperty("a", d.a());
                m.addProperty("b", d.b());
                m.addProperty("change", d.change());
                m.addProperty("relative", d.relative());
                metrics.add(d.metric(), m);
            }
            o.add("metrics", metrics);
            JsonObject expects = new JsonObject();
            expects.addProperty("a_failed", p.a().expectsFailed());
            expects.addProperty("b_failed", p.b().expectsFailed());
            o.add("expectations", expects);
            list.add(o);
        }
        root.add("pairs", list);
        JsonArray oa = new JsonArray();
        onlyA.forEach(e -> oa.add(e.id()));
        JsonArray ob = new JsonArray();
        onlyB.forEach(e -> ob.add(e.id()));
        root.add("only_a", oa);
        root.add("only_b", ob);
        return root;
    }

    public String toJsonText() {
        return new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(toJson()) + "\n";
    }

    private static JsonObject side(RunResult r) {
        JsonObject o = new JsonObject();
        o.addProperty("file", r.file() == null ? null : r.file().toString());
        o.addProperty("spec", r.spec());
        o.addProperty("status", r.status());
        o.addProperty("finished_at", r.finishedAt());
        return o;
    }
}
