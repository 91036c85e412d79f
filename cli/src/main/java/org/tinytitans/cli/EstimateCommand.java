package org.tinytitans.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.engine.prune.Estimate;
import org.tinytitans.language.Checker;
import org.tinytitans.language.Severity;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code titans-cli estimate FILE}: analytic params, FLOPs and memory before and after pruning, from the
 * architecture graph alone: no weights are loaded and nothing runs, so it answers at once.
 */
@Command(name = "estimate",
        mixinStandardHelpOptions = true,
        description = {
            "Estimate params, FLOPs (MACs) and memory before and after pruning, without loading weights.",
            "Exact for per-layer filter pruning; a range where the outcome depends on the weights' scores."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:estimated", "1:the spec has errors", "2:usage or I/O problem"})
final class EstimateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The spec to estimate.")
    Path file;

    @Option(names = "--json", description = "Print the estimate as JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String text = CheckCommand.readSpec(file);
        SpecDocument doc = SpecDocument.parse(text);
        if (Checker.check(doc).stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            return new CheckCommand().withFiles(List.of(file)).printTo(spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        JsonArray all = new JsonArray();
        for (ExperimentRun run : Experiments.resolve(doc)) {
            all.add(estimate(run));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(all));
        } else {
            all.forEach(e -> print(e.getAsJsonObject(), out));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The run's figures as the engine's one estimate gives them (the editor's hints show the same). */
    static JsonObject estimate(ExperimentRun run) {
        JsonObject o = new JsonObject();
        o.addProperty("experiment", run.id());
        o.addProperty("model", run.model().name());
        Estimate e;
        try {
            e = Estimate.of(run);
        } catch (IllegalArgumentException ex) {
            o.addProperty("error", ex.getMessage());
            return o;
        }
        o.add("baseline", counts(e.before()));
        o.add("low", counts(e.low()));
        o.add("high", counts(e.high()));
        o.addProperty("exact", e.exact());
        o.addProperty("nonzeroParams", e.nonzeroParams());
        return o;
    }

    private static JsonObject counts(Counts c) {
        JsonObject o = new JsonObject();
        o.addProperty("params", c.params());
        o.addProperty("flops", c.macs());
        o.addProperty("memory_mb", c.memoryGb() * 1024);
        o.addProperty("filters", c.filters());
        o.addProperty("blocks", c.blocks());
        return o;
    }

    private static void print(JsonObject e, PrintWriter out) {
        out.println(e.get("experiment").getAsString() + "  (" + e.get("model").getAsString() + ")");
        if (e.has("error")) {
            out.println("  " + e.get("error").getAsString());
            return;
        }
        JsonObject b = e.getAsJsonObject("baseline");
        JsonObject lo = e.getAsJsonObject("low");
        JsonObject hi = e.getAsJsonObject("high");
        boolean exact = e.get("exact").getAsBoolean();
        for (String[] m : new String[][] {{"params", "params"}, {"flops (MACs)", "flops"}, {"memory MB", "memory_mb"}}) {
            double bv = b.get(m[1]).getAsDouble();
            double l = lo.get(m[1]).getAsDouble();
            double h = hi.get(m[1]).getAsDouble();
            String after = exact ? num(l) : num(Math.min(l, h)) + " .. " + num(Math.max(l, h));
            String ratio = exact ? pct(l / bv) : pct(Math.min(l, h) / bv) + " .. " + pct(Math.max(l, h) / bv);
            out.printf(Locale.ROOT, "  %-13s %15s -> %-25s (%s of baseline)%n", m[0], num(bv), after, ratio);
        }
        if (e.get("nonzeroParams").getAsLong() != lo.get("params").getAsLong()) {
            out.printf(Locale.ROOT, "  %-13s %15s nonzero after unstructured pruning (dense kernels run no faster)%n", "",
                    num(e.get("nonzeroParams").getAsDouble()));
        }
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
    }
}
