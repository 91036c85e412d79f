package org.tinytitans.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tinytitans.engine.job.EventWriter;
import org.tinytitans.engine.job.JobOptions;
import org.tinytitans.engine.job.JobResult;
import org.tinytitans.engine.job.SpecJob;
import org.tinytitans.engine.train.Progress;

/**
 * The searched plan against the uniform one at the same budget, after the same fine-tune: each shipped search sample
 * (samples/search-*.prune) runs as it is, then again with its `ratio auto` replaced by the search's own bisection plan
 * (one ratio for every layer, or the least count, that meets the budget). Everything else (criterion, data,
 * fine-tune, seed) is the sample's, so the difference is the allocation.
 */
final class SearchBench {
    private final Path repo;
    private final Path work;

    SearchBench(Path repo, Path work) {
        this.repo = repo;
        this.work = work;
    }

    String run() throws IOException {
        StringBuilder md = new StringBuilder("## Search: searched plan against uniform at the same budget\n\n")
                .append("Each row runs a shipped search sample, then the same spec with `ratio auto` replaced by the search's uniform\n")
                .append("(bisection) plan, with the same fine-tune; objective on the whole evaluation split. `bench/run --only search`.\n\n")
                .append("| sample | budget | plan | flops | params | objective | searched minus uniform | seconds |\n|---|---|---|---|---|---|---|---|\n");
        for (String sample : List.of("search-mnist", "search-tiny-lm")) {
            String text = Files.readString(repo.resolve("samples/" + sample + ".prune"))
                    .replace("\"models/", "\"" + repo.resolve("samples/models") + "/")
                    .replace("\"data/", "\"" + repo.resolve("samples/data") + "/");
            long t0 = System.nanoTime();
            JsonObject searched = run(sample, text);
            double searchedSeconds = (System.nanoTime() - t0) / 1e9;
            JsonObject search = searched.getAsJsonObject("search");
            JsonObject uniformTrial = search.getAsJsonArray("trials").get(0).getAsJsonObject();
            String uniformText = uniform(text, uniformTrial);
            t0 = System.nanoTime();
            JsonObject uniform = run(sample + "-uniform", uniformText);
            double uniformSeconds = (System.nanoTime() - t0) / 1e9;
            String metric = search.get("objective").getAsString();
            boolean higher = search.get("higher_is_better").getAsBoolean();
            JsonObject winner = search.getAsJsonArray("trials").get(search.get("chosen").getAsInt()).getAsJsonObject();
            String budget = budget(search);
            double s = searched.getAsJsonObject("pruned").get(metric).getAsDouble();
            double u = uniform.getAsJsonObject("pruned").get(metric).getAsDouble();
            String diff = metric.equals("accuracy") ? String.format(Locale.ROOT, "%+.2f points", (s - u) * 100)
                    : String.format(Locale.ROOT, "%+.3f (%s)", s - u, (higher ? s >= u : s <= u) ? "searched no worse" : "uniform better");
            md.append(row(sample + " (searched)", budget, plan(winner), searched, metric, diff, searchedSeconds));
            md.append(row(sample + " (uniform)", budget, plan(uniformTrial), uniform, metric, "", uniformSeconds));
        }
        return md.append('\n').toString();
    }

    private JsonObject run(String name, String text) throws IOException {
        Path dir = work.resolve(name);
        Files.createDirectories(dir);
        Path spec = Files.writeString(dir.resolve(name + ".prune"), text);
        JobResult r = new SpecJob(spec, new JobOptions(null, null, dir.resolve("out"), false), new EventWriter(null), Progress.NONE).run();
        JsonObject x = r.result().getAsJsonArray("experiments").get(0).getAsJsonObject();
        if (!"complete".equals(x.get("status").getAsString())) {
            throw new IllegalStateException(name + " failed: " + x.get("error"));
        }
        return x;
    }

    /** The spec with `ratio auto` as the bisection trial's plan, no search block and no sensitivity scan. */
    static String uniform(String text, JsonObject trial) {
        JsonObject block = trial.getAsJsonArray("plan").get(0).getAsJsonObject();
        String amount;
        if (block.get("count") != null && !block.get("count").isJsonNull()) {
            amount = "count " + block.get("count").getAsInt();
        } else {
            double r = block.getAsJsonObject("ratios").entrySet().iterator().next().getValue().getAsDouble();
            amount = String.format(Locale.ROOT, "ratio %.2f%%", r * 100);
        }
        return text.replace("ratio auto", amount).replaceAll("(?s)search \\{.*?\\n  }\\n", "").replace(", sensitivity", "");
    }

    private static String budget(JsonObject search) {
        List<String> out = new ArrayList<>();
        for (JsonElement c : search.getAsJsonArray("constraints")) {
            JsonObject o = c.getAsJsonObject();
            out.add(o.get("metric").getAsString() + " " + o.get("op").getAsString() + " " + Table.pct(o.get("value").getAsDouble()));
        }
        return String.join(", ", out);
    }

    private static String plan(JsonObject trial) {
        List<String> parts = new ArrayList<>();
        for (JsonElement e : trial.getAsJsonArray("plan")) {
            JsonObject b = e.getAsJsonObject();
            if (b.get("count") != null && !b.get("count").isJsonNull()) parts.add("count " + b.get("count").getAsInt());
            for (Map.Entry<String, JsonElement> r : b.getAsJsonObject("ratios").entrySet()) {
                parts.add(r.getKey() + " " + Table.pct(r.getValue().getAsDouble()));
            }
        }
        return String.join(", ", parts);
    }

    private static String row(String name, String budget, String plan, JsonObject x, String metric, String diff, double seconds) {
        JsonObject b = x.getAsJsonObject("baseline"), p = x.getAsJsonObject("pruned");
        String value = metric.equals("accuracy") ? Table.pct(p.get(metric).getAsDouble()) : Table.num("%.3f", p.get(metric).getAsDouble());
        String base = metric.equals("accuracy") ? Table.pct(b.get(metric).getAsDouble()) : Table.num("%.3f", b.get(metric).getAsDouble());
        return "| " + name + " | " + budget + " | " + plan + " | " + Table.pct(p.get("flops").getAsDouble() / b.get("flops").getAsDouble())
                + " | " + Table.pct(p.get("params").getAsDouble() / b.get("params").getAsDouble()) + " | " + metric + " " + value
                + " (unpruned " + base + ") | " + diff + " | " + Table.num("%.0f", seconds) + " |\n";
    }
}
