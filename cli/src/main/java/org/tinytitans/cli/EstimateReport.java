package org.tinytitans.cli;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tinytitans.engine.figures.Figures;
import org.tinytitans.engine.graph.Counts;

/**
 * What {@code titans-cli estimate} says, in the shape of a run's result.json (docs/results.md#estimates): an
 * {@code experiments} list whose entries carry {@code name}, {@code id}, {@code variant}, {@code model} and
 * {@code baseline}/{@code pruned} METRICS with the very field names a run writes ({@code params},
 * {@code flops}, {@code memory_mb}, {@code nonzero_params}, ...), so a tool reads a figure the same way
 * whether it was estimated or measured. Where the outcome depends on the weights' scores, each pruned figure
 * is the low end of its range, and the range sits beside it as {@code <name>_low} and {@code <name>_high}.
 */
record EstimateReport(String schema, String spec, List<Experiment> experiments) {

    static final String SCHEMA = "titans-estimate/1";
    /** How every estimate here is obtained: the label shown beside its figures. */
    static final String METHOD = "analytic: architecture graph, no weights";

    /** Record components are camelCase in Java; the JSON is snake_case, as result.json is. */
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    record Experiment(String name, String id, Map<String, String> variant, String model, String status, String error,
                      String method, Boolean exact, Side baseline, Side pruned) {

        static Experiment failed(String name, String id, Map<String, String> variant, String model, String error) {
            return new Experiment(name, id, variant, model, "failed", error, null, null, null, null);
        }

        static Experiment estimated(String name, String id, Map<String, String> variant, String model,
                                    Counts before, Counts low, Counts high, long nonzeroParams) {
            boolean exact = low.equals(high);
            return new Experiment(name, id, variant, model, "estimated", null, METHOD, exact,
                    Side.of(before, before, before.params()), Side.of(low, high, nonzeroParams));
        }
    }

    /** One side's METRICS: the names and units of result.json; ranges only where the pruned side has one. */
    record Side(long params, Long paramsLow, Long paramsHigh, long flops, Long flopsLow, Long flopsHigh,
                   double memoryMb, Double memoryMbLow, Double memoryMbHigh, long nonzeroParams, long filters, int blocks) {

        /** {@code low} and {@code high} are the two ends the estimate gives; each figure reads its lower end. */
        static Side of(Counts low, Counts high, long nonzero) {
            boolean range = !low.equals(high);
            long paramsLow = Math.min(low.params(), high.params());
            long flopsLow = Math.min(low.macs(), high.macs());
            double memoryLow = Math.min(mb(low), mb(high));
            return new Side(paramsLow, range ? paramsLow : null, range ? Math.max(low.params(), high.params()) : null,
                    flopsLow, range ? flopsLow : null, range ? Math.max(low.macs(), high.macs()) : null,
                    memoryLow, range ? memoryLow : null, range ? Math.max(mb(low), mb(high)) : null,
                    nonzero, low.filters(), low.blocks());
        }

        private static double mb(Counts c) {
            return c.memoryGb() * 1024;
        }
    }

    String toJson() {
        return GSON.toJson(this);
    }

    /** The human form: per experiment, baseline against the pruned estimate with its range and method. */
    void print(PrintWriter out) {
        for (Experiment e : experiments) {
            out.println(e.id() + "  (" + e.model() + ")");
            if (e.error() != null) {
                out.println("  " + e.error());
                continue;
            }
            Side b = e.baseline();
            Side p = e.pruned();
            row(out, "params", b.params(), p.params(), p.paramsLow(), p.paramsHigh(), true);
            row(out, "flops (MACs)", b.flops(), p.flops(), p.flopsLow(), p.flopsHigh(), true);
            row(out, "memory MB", b.memoryMb(), p.memoryMb(), p.memoryMbLow(), p.memoryMbHigh(), false);
            if (p.nonzeroParams() != p.params()) {
                out.printf(Locale.ROOT, "  %-13s %15s nonzero after unstructured pruning (dense kernels run no faster)%n", "",
                        Figures.whole(p.nonzeroParams()));
            }
            out.println("  (" + e.method() + (Boolean.TRUE.equals(e.exact()) ? "; exact" : "; a range: the outcome depends on the scores") + ")");
        }
    }

    private static void row(PrintWriter out, String label, double before, double after, Number low, Number high, boolean count) {
        java.util.function.DoubleFunction<String> show = count ? Figures::whole : Figures::num;
        if (low != null && low.doubleValue() == high.doubleValue()) {
            low = null; // both ends agree for this figure
        }
        String value = low == null ? show.apply(after) : show.apply(low.doubleValue()) + " .. " + show.apply(high.doubleValue());
        String ratio = low == null ? share(after, before) : share(low.doubleValue(), before) + " .. " + share(high.doubleValue(), before);
        out.printf(Locale.ROOT, "  %-13s %15s -> %-25s (%s of baseline)%n", label, show.apply(before), value, ratio);
    }

    private static String share(double v, double baseline) {
        return baseline == 0 ? "-" : Figures.fixed(v / baseline * 100, 1) + "%";
    }

}
