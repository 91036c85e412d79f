package org.tinytitans.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.Locale;
import org.tinytitans.engine.figures.Figures;

/** The human summary of a run: per experiment, baseline against pruned with the change, then the verdicts. */
final class RunTable {

    private RunTable() {}

    static void print(JsonObject doc, PrintWriter out) {
        for (JsonElement e : doc.getAsJsonArray("experiments")) {
            experiment(e.getAsJsonObject(), out);
        }
    }

    private static void experiment(JsonObject x, PrintWriter out) {
        out.println();
        String variant = x.getAsJsonObject("variant").entrySet().isEmpty() ? "" : "  [" + x.get("id").getAsString().replaceFirst("^[^\\[]*\\[", "").replaceFirst("]$", "") + "]";
        out.println(str(x, "name") + "  (" + str(x, "model") + (x.get("dataset").isJsonNull() ? "" : " on " + str(x, "dataset")) + ")" + variant);
        if ("failed".equals(str(x, "status"))) {
            out.println("  FAILED: " + str(x, "error"));
            return;
        }
        JsonObject b = x.getAsJsonObject("baseline");
        JsonObject p = x.getAsJsonObject("pruned");
        out.printf(Locale.ROOT, "  %-16s %16s %16s %18s%n", "", "baseline", "pruned", "change");
        count(out, "params", b, p, "params");
        count(out, "flops (MACs)", b, p, "flops");
        if (b.has("flops_tutorial") && p.has("flops_tutorial")) {
            count(out, "flops (tutorial)", b, p, "flops_tutorial");
        }
        row(out, "memory", b, p, "memory_mb", v -> fmt(v) + " MB", true);
        if (b.has("latency_ms")) {
            double bl = b.getAsJsonObject("latency_ms").get("p50").getAsDouble();
            double pl = p.getAsJsonObject("latency_ms").get("p50").getAsDouble();
            out.printf(Locale.ROOT, "  %-16s %16s %16s %18s%n", "latency p50", fmt(bl) + " ms", fmt(pl) + " ms",
                    pl > 0 ? fmt(bl / pl) + "x speed-up" : "");
            JsonObject lat = b.getAsJsonObject("latency_ms");
            String unit = lat.has("unit") ? lat.get("unit").getAsString() : "batch " + lat.get("batch").getAsInt() + ", interleaved";
            if (lat.has("runtime")) {
                unit += ", " + lat.get("runtime").getAsString() + (lat.has("runtimeVersion") ? " " + lat.get("runtimeVersion").getAsString() : "");
            }
            String per = p.has("throughput_unit") ? " " + p.get("throughput_unit").getAsString() : "/s";
            row(out, "throughput", b, p, "throughput", v -> fmt(v) + per, true);
            out.printf(Locale.ROOT, "  %-16s %s%n", "", "(" + unit + ")");
        }
        if (b.has("accuracy") && p.has("accuracy")) {
            double ba = b.get("accuracy").getAsDouble();
            double pa = p.get("accuracy").getAsDouble();
            out.printf(Locale.ROOT, "  %-16s %16s %16s %18s%n", "accuracy", Figures.percent(ba), Figures.percent(pa),
                    Figures.change(ba, pa, "fraction"));
        }
        if (p.has("perplexity") && b.has("perplexity")) {
            row(out, "perplexity", b, p, "perplexity", RunTable::fmt, true);
        }
        if (p.has("sparsity") && p.get("sparsity").getAsDouble() > 0.0005) {
            out.printf(Locale.ROOT, "  %-16s %16s %16s%n", "sparsity", pct(b.get("sparsity").getAsDouble()), pct(p.get("sparsity").getAsDouble()));
        }
        energy(x, out);
        if (x.has("expectations")) {
            for (JsonElement e : x.getAsJsonArray("expectations")) {
                JsonObject v = e.getAsJsonObject();
                out.printf(Locale.ROOT, "  %-4s expect %-26s %s%n", v.get("passed").getAsBoolean() ? "PASS" : "FAIL",
                        str(v, "text"), str(v, "actual"));
            }
        }
        if (x.has("notes")) {
            for (JsonElement n : x.getAsJsonArray("notes")) {
                out.println("  note: " + n.getAsString());
            }
        }
    }

    private static void energy(JsonObject x, PrintWriter out) {
        if (!x.has("energy")) {
            return;
        }
        JsonObject e = x.getAsJsonObject("energy");
        JsonObject c = e.getAsJsonObject("carbon");
        String method = e.getAsJsonArray("phases").isEmpty() ? "" : e.getAsJsonArray("phases").get(0).getAsJsonObject().get("cpu").getAsString();
        out.printf(Locale.ROOT, "  %-16s %s Wh (%s to %s), cpu %s%n", "energy (job)", fmt(e.get("totalWh").getAsDouble()),
                fmt(e.get("lowWh").getAsDouble()), fmt(e.get("highWh").getAsDouble()), method);
        out.printf(Locale.ROOT, "  %-16s %s g CO2e (%s to %s) at %s g/kWh, %s%n", "carbon (job)", fmt(c.get("g").getAsDouble()),
                fmt(c.get("lowG").getAsDouble()), fmt(c.get("highG").getAsDouble()), fmt(c.get("intensityGPerKWh").getAsDouble()),
                str(c, "source"));
        if (x.has("projection")) {
            JsonObject pr = x.getAsJsonObject("projection");
            out.printf(Locale.ROOT, "  %-16s %s kWh%s and %s kg CO2e%s saved per million inferences, %s%n", "deployment",
                    fmt(pr.get("savedKWh").getAsDouble()), band(pr, "savedLowKWh", "savedHighKWh"),
                    fmt(pr.get("savedCo2Kg").getAsDouble()), band(pr, "savedCo2LowKg", "savedCo2HighKg"), str(pr, "method"));
        }
    }

    private static void count(PrintWriter out, String label, JsonObject b, JsonObject p, String key) {
        row(out, label, b, p, key, v -> String.format(Locale.ROOT, "%,d", (long) v), true);
    }

    private static void row(PrintWriter out, String label, JsonObject b, JsonObject p, String key,
                            java.util.function.DoubleFunction<String> show, boolean relative) {
        if (!b.has(key) || !p.has(key) || b.get(key).isJsonNull() || p.get(key).isJsonNull()) {
            return;
        }
        double bv = b.get(key).getAsDouble();
        double pv = p.get(key).getAsDouble();
        String change = relative && bv != 0 ? String.format(Locale.ROOT, "%+.1f%%", (pv / bv - 1) * 100) : "";
        out.printf(Locale.ROOT, "  %-16s %16s %16s %18s%n", label, show.apply(bv), show.apply(pv), change);
    }

    /** " (low to high)" from two fields of o, or "" when either is missing (results written before they existed). */
    private static String band(JsonObject o, String low, String high) {
        return o.has(low) && o.has(high) && !o.get(low).isJsonNull() && !o.get(high).isJsonNull()
                ? " (" + fmt(o.get(low).getAsDouble()) + " to " + fmt(o.get(high).getAsDouble()) + ")" : "";
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    static String fmt(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : "%.3g", v);
    }
}
