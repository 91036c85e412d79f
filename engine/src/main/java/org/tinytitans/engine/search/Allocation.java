package org.tinytitans.engine.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tinytitans.engine.graph.Counts;

/**
 * Per-layer ratios that meet a budget exactly, from exact estimates only (nothing runs): {@link #uniform} bisects one
 * ratio for every layer; {@link #greedy} raises, step by step, the ratio of the layer whose sensitivity curve loses
 * least per MAC (or parameter) removed until the budget holds, then bisects the last step so that it holds with
 * nothing to spare; {@link #blend} mixes two plans and rescales the mix onto the budget. Every plan returned fits.
 */
public final class Allocation {
    private static final int BISECTIONS = 40;

    private final List<String> layers;
    private final double max;
    private final Function<Map<String, Double>, Counts> counts;
    private final Predicate<Counts> fits;

    /**
     * @param layers the prunable layers of the block
     * @param max    the largest ratio a layer may get (the catalog's `ratio` maximum)
     * @param counts exact counts of the whole model under a per-layer plan
     * @param fits   whether counts meet the budget
     */
    public Allocation(List<String> layers, double max, Function<Map<String, Double>, Counts> counts, Predicate<Counts> fits) {
        this.layers = List.copyOf(layers);
        this.max = max;
        this.counts = counts;
        this.fits = fits;
    }

    public List<String> layers() {
        return layers;
    }

    public boolean fits(Map<String, Double> plan) {
        return fits.test(counts.apply(plan));
    }

    /** Every layer at the same ratio. */
    public Map<String, Double> at(double ratio) {
        Map<String, Double> m = new LinkedHashMap<>();
        layers.forEach(l -> m.put(l, ratio));
        return m;
    }

    /** The least uniform ratio that fits (0 when nothing needs removing); null when even the maximum does not fit. */
    public Map<String, Double> uniform() {
        return scaled(at(1.0));
    }

    /** {@code min(max, s x direction)} with the least s in [0, 1/min] that fits; null when none does. */
    public Map<String, Double> scaled(Map<String, Double> direction) {
        if (fits(scale(direction, 0))) return scale(direction, 0);
        double top = direction.values().stream().filter(v -> v > 0).mapToDouble(v -> max / v).max().orElse(0);
        if (top == 0 || !fits(scale(direction, top))) return null;
        double lo = 0, hi = top;
        for (int i = 0; i < BISECTIONS; i++) {
            double mid = (lo + hi) / 2;
            if (fits(scale(direction, mid))) hi = mid;
            else lo = mid;
        }
        return scale(direction, hi);
    }

    private Map<String, Double> scale(Map<String, Double> direction, double s) {
        Map<String, Double> m = new LinkedHashMap<>();
        layers.forEach(l -> m.put(l, round(Math.min(max, s * direction.getOrDefault(l, 0.0)))));
        return m;
    }

    /** Ratios kept to 4 decimals so that a plan written back as `layer ... ratio R%` (2 decimals of %) is the same plan. */
    static double round(double r) {
        return Math.round(r * 10000) / 10000.0;
    }

    /**
     * Greedy allocation: each step raises one layer by {@code step}, the one with the least loss per unit of the
     * counted metric removed ({@code cost(before, after)} > 0), until the budget holds. null when it never does.
     *
     * @param loss layer, ratio -> objective lost against the unpruned model (from the sensitivity scan)
     * @param cost counts before and after a step -> how much of the budget's metric it removed
     */
    public Map<String, Double> greedy(double step, LossCurve loss, java.util.function.ToDoubleBiFunction<Counts, Counts> cost) {
        Map<String, Double> plan = at(0);
        Counts now = counts.apply(plan);
        String last = null;
        double lastFrom = 0;
        while (!fits.test(now)) {
            String best = null;
            double bestScore = Double.POSITIVE_INFINITY;
            Counts bestCounts = null;
            for (String l : layers) {
                double from = plan.get(l);
                double to = Math.min(max, round(from + step));
                if (to <= from) continue;
                Map<String, Double> tried = new LinkedHashMap<>(plan);
                tried.put(l, to);
                Counts c = counts.apply(tried);
                double removed = cost.applyAsDouble(now, c);
                if (removed <= 0) continue;
                double score = Math.max(0, loss.at(l, to) - loss.at(l, from)) / removed;
                if (score < bestScore) {
                    bestScore = score;
                    best = l;
                    bestCounts = c;
                }
            }
            if (best == null) return null;
            last = best;
            lastFrom = plan.get(best);
            plan.put(best, Math.min(max, round(lastFrom + step)));
            now = bestCounts;
        }
        if (last != null) {
            // the last step may overshoot: keep the least ratio of that layer that still fits
            double lo = lastFrom, hi = plan.get(last);
            for (int i = 0; i < BISECTIONS; i++) {
                double mid = (lo + hi) / 2;
                Map<String, Double> tried = new LinkedHashMap<>(plan);
                tried.put(last, round(mid));
                if (fits(tried)) hi = round(mid);
                else lo = mid;
                if (hi - lo < 1e-4) break;
            }
            plan.put(last, hi);
        }
        return plan;
    }

    /** {@code alpha x a + (1 - alpha) x b}, rescaled onto the budget; null when no scale fits. */
    public Map<String, Double> blend(Map<String, Double> a, Map<String, Double> b, double alpha) {
        Map<String, Double> mix = new LinkedHashMap<>();
        layers.forEach(l -> mix.put(l, alpha * a.getOrDefault(l, 0.0) + (1 - alpha) * b.getOrDefault(l, 0.0)));
        return scaled(mix);
    }

    /** Objective lost at a layer's ratio, against the unpruned model (0 at ratio 0, never negative). */
    @FunctionalInterface
    public interface LossCurve {
        double at(String layer, double ratio);
    }

    /** Distinct plans in order, dropping those whose exact counts equal an earlier one's (in practice the same widths). */
    public List<Map<String, Double>> distinct(List<Map<String, Double>> plans) {
        List<Map<String, Double>> out = new ArrayList<>();
        List<Counts> seen = new ArrayList<>();
        for (Map<String, Double> p : plans) {
            if (p == null) continue;
            Counts c = counts.apply(p);
            if (seen.contains(c)) continue;
            seen.add(c);
            out.add(p);
        }
        return out;
    }
}
