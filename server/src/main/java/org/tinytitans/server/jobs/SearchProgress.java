package org.tinytitans.server.jobs;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.tinytitans.engine.figures.Figures;
import org.tinytitans.engine.remote.JobEvent;

/**
 * A running search's progress line from its {@code search-trial} events: "trial 5/12, best 97.8% at 49.6% FLOPs".
 * The best is the best objective among trials that meet every budget; its FLOPs are a share of the baseline's
 * when the job has reported the baseline's FLOPs (a {@code metric} event), else a count. One per job.
 */
final class SearchProgress {
    private final Map<String, Double> baselineFlops = new HashMap<>();
    private final Map<String, Integer> seen = new HashMap<>();
    private final Map<String, JsonObject> best = new HashMap<>();

    synchronized void metric(JobEvent.Metric m) {
        if ("baseline".equals(m.which()) && "flops".equals(m.name())) baselineFlops.put(key(m.experiment()), m.value());
    }

    /** The progress message and percentage (null when the planned count is unknown) after one more trial. */
    synchronized Line trial(JobEvent.SearchTrial t) {
        String k = key(t.experiment());
        int n = seen.merge(k, 1, Integer::sum);
        JsonObject trial = t.trial();
        Double objective = num(trial, "objective");
        // The event does not name the objective: accuracy is a fraction (higher is better), perplexity is never
        // below 1 (lower is better), so the value tells them apart; an explicit higher_is_better wins.
        Boolean explicit = bool(trial, "higher_is_better");
        boolean higher = explicit != null ? explicit : objective == null || objective <= 1;
        if (objective != null && Boolean.TRUE.equals(bool(trial, "feasible"))) {
            JsonObject b = best.get(k);
            Double bo = b == null ? null : num(b, "objective");
            if (bo == null || (higher ? objective > bo : objective < bo)) best.put(k, trial);
        }
        StringBuilder s = new StringBuilder();
        if (t.experiment() != null) s.append(t.experiment()).append(": ");
        s.append("trial ").append(n);
        if (t.of() != null) s.append('/').append(t.of());
        JsonObject b = best.get(k);
        if (b == null) {
            s.append(", no plan meets every budget yet");
        } else {
            double o = num(b, "objective");
            s.append(", best ").append(o <= 1 && higher ? Figures.percent(o) : Figures.num(o));
            Double flops = num(b, "flops");
            Double base = baselineFlops.get(k);
            if (flops != null) {
                s.append(" at ").append(base != null && base > 0 ? String.format(Locale.ROOT, "%.1f%%", 100 * flops / base) : Figures.count(flops))
                        .append(" FLOPs");
            }
        }
        Integer pct = t.of() != null && t.of() > 0 ? Math.min(100, 100 * n / t.of()) : null;
        return new Line(s.toString(), pct);
    }

    record Line(String message, Integer percentage) {}

    private static String key(String experiment) {
        return experiment == null ? "" : experiment;
    }

    private static Double num(JsonObject o, String k) {
        return o.has(k) && o.get(k).isJsonPrimitive() && o.get(k).getAsJsonPrimitive().isNumber() ? o.get(k).getAsDouble() : null;
    }

    private static Boolean bool(JsonObject o, String k) {
        return o.has(k) && o.get(k).isJsonPrimitive() && o.get(k).getAsJsonPrimitive().isBoolean() ? o.get(k).getAsBoolean() : null;
    }

}
