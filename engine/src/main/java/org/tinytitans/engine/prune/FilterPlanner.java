package org.tinytitans.engine.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.graph.FilterGroup;
import org.tinytitans.engine.graph.FilterGroups;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.graph.Rewrites;

/**
 * Chooses filters to remove from scores (one float per filter, lower = removed first, ties by index).
 * Per-layer: {@code round(ratio * n)} of each unit, as the tutorial's {@code rebuild_filters}. Global: the
 * {@code round(ratio * total)} lowest scores over all units, every unit keeping at least one filter.
 */
public final class FilterPlanner {

    private FilterPlanner() {}

    /** The prunable units in the order scores are given (the ScoringModel's filterUnits order). */
    public static List<FilterGroup> units(Graph g) {
        return FilterGroups.of(g);
    }

    public static Plan plan(Graph g, List<float[]> scores, double ratio, Scope scope, List<String> exclude) {
        return plan(g, scores, ratio, scope, exclude, 0);
    }

    /** @param seed picks the layers of the tutorial scope's random top-up */
    public static Plan plan(Graph g, List<float[]> scores, double ratio, Scope scope, List<String> exclude, long seed) {
        return plan(g, scores, ratio, scope, exclude, seed, 1);
    }

    /**
     * @param roundTo each pruned layer keeps a multiple of this many filters (rounded up from the plan; 1 = off):
     *                the lowest-scored filters of the plan stay removed
     */
    public static Plan plan(Graph g, List<float[]> scores, double ratio, Scope scope, List<String> exclude, long seed, int roundTo) {
        return plan(g, scores, ratio, scope, exclude, seed, roundTo, Map.of());
    }

    /**
     * @param perLayer `layer "NAME" ratio R` lines (a search's plan): each named unit loses {@code round(R x width)} of its
     *                 own lowest-scored filters whatever the scope, and stays out of a global or tutorial allocation
     */
    public static Plan plan(Graph g, List<float[]> scores, double ratio, Scope scope, List<String> exclude, long seed, int roundTo,
                            Map<String, Double> perLayer) {
        List<FilterGroup> units = units(g);
        unknownLayers(units, perLayer);
        if (scores.size() != units.size()) {
            throw new IllegalArgumentException(g.name() + " has " + units.size() + " prunable convs but " + scores.size() + " score vectors were given");
        }
        Globs excluded = Globs.of(exclude);
        List<String> ownOrExcluded = new ArrayList<>(exclude == null ? List.of() : exclude);
        ownOrExcluded.addAll(perLayer.keySet());
        Globs skip = Globs.of(ownOrExcluded); // units with their own ratio stay out of the block's allocation
        List<int[]> removed = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            if (scores.get(u).length != units.get(u).width()) {
                throw new IllegalArgumentException("layer " + units.get(u).conv() + " has " + units.get(u).width()
                        + " filters but " + scores.get(u).length + " scores");
            }
            removed.add(new int[0]);
        }
        if (scope != Scope.GLOBAL) {
            for (int u = 0; u < units.size(); u++) {
                if (!skip.matches(units.get(u).conv())) {
                    int k = units.get(u).width() - keptFilters(ratio, units.get(u).width());
                    removed.set(u, Arrays.copyOf(ascending(scores.get(u)), k));
                }
            }
            if (scope == Scope.TUTORIAL) {
                topUp(units, scores, tutorialTarget(g, ratio), skip, removed, new java.util.Random(seed));
            }
        } else {
            global(units, scores, ratio, skip, removed);
        }
        for (int u = 0; u < units.size(); u++) {
            Double own = perLayer.get(units.get(u).conv());
            if (own != null && !excluded.matches(units.get(u).conv())) {
                removed.set(u, Arrays.copyOf(ascending(scores.get(u)), removedAt(own, units.get(u).width())));
            }
        }
        for (int u = 0; u < units.size(); u++) {
            // every unit's removed list is in ascending score order, so a shorter prefix keeps the better filters
            removed.set(u, Arrays.copyOf(removed.get(u), Rounding.removedRoundingKept(units.get(u).width(), removed.get(u).length, roundTo)));
        }
        return build(g, units, removed);
    }

    /** Filters a unit of this width loses at this ratio: Python's round, every unit keeping at least one (as the estimate). */
    public static int removedAt(double ratio, int width) {
        return Math.min(Rounding.count(ratio, width), width - 1);
    }

    /** A `layer` line must name a prunable unit: the error lists the ones there are. */
    static void unknownLayers(List<FilterGroup> units, Map<String, Double> perLayer) {
        for (String name : perLayer.keySet()) {
            if (units.stream().noneMatch(u -> u.conv().equals(name))) {
                throw new IllegalArgumentException("layer \"" + name + "\" is not a prunable layer of this model; its prunable layers are: "
                        + String.join(", ", units.stream().map(FilterGroup::conv).toList()));
            }
        }
    }

    private static void global(List<FilterGroup> units, List<float[]> scores, double ratio, Globs skip, List<int[]> removed) {
        List<int[]> all = new ArrayList<>(); // {unit, filter}
        for (int u = 0; u < units.size(); u++) {
            if (!skip.matches(units.get(u).conv())) {
                for (int f = 0; f < units.get(u).width(); f++) {
                    all.add(new int[] {u, f});
                }
            }
        }
        int k = Rounding.count(ratio, all.size());
        all.sort((a, b) -> {
            int c = Float.compare(scores.get(a[0])[a[1]], scores.get(b[0])[b[1]]);
            return c != 0 ? c : a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
        });
        int[] left = units.stream().mapToInt(FilterGroup::width).toArray();
        Map<Integer, List<Integer>> picked = new HashMap<>();
        for (int[] uf : all) {
            if (k == 0) {
                break;
            }
            if (left[uf[0]] > 1) {
                left[uf[0]]--;
                picked.computeIfAbsent(uf[0], x -> new ArrayList<>()).add(uf[1]);
                k--;
            }
        }
        picked.forEach((u, fs) -> removed.set(u, fs.stream().mapToInt(Integer::intValue).toArray()));
    }

    /**
     * Filters a layer of {@code width} keeps when a per-layer ratio removes {@code round(ratio * width)} of them,
     * at least one always staying; the search's latency table prices plans with the same rule.
     */
    public static int keptFilters(double ratio, int width) {
        return width - Math.min(Rounding.count(ratio, width), width - 1);
    }

    /** The tutorial's global target: {@code int(ratio x count_filters)}, counting every conv's filters. */
    public static int tutorialTarget(Graph g, double ratio) {
        Rounding.count(ratio, 1);
        return (int) (ratio * g.counts().filters());
    }

    /**
     * The tutorial's {@code totalFiltersToRemove} loop: while short of the target, pick a random prunable layer
     * and remove its next-lowest filter; a layer keeps at least one, and the loop ends when none has any left.
     */
    private static void topUp(List<FilterGroup> units, List<float[]> scores, int target, Globs skip, List<int[]> removed, java.util.Random rnd) {
        int done = removed.stream().mapToInt(r -> r.length).sum();
        List<Integer> open = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            if (!skip.matches(units.get(u).conv()) && removed.get(u).length < units.get(u).width() - 1) {
                open.add(u);
            }
        }
        while (done < target && !open.isEmpty()) {
            int pick = rnd.nextInt(open.size());
            int u = open.get(pick);
            int n = removed.get(u).length + 1;
            removed.set(u, Arrays.copyOf(ascending(scores.get(u)), n));
            done++;
            if (n == units.get(u).width() - 1) {
                open.remove(pick);
            }
        }
    }

    /** A plan removing the given filter indices of each unit. */
    public static Plan build(Graph g, List<FilterGroup> units, List<int[]> removed) {
        Map<String, Integer> widths = new LinkedHashMap<>();
        Map<String, int[]> keptOut = new LinkedHashMap<>();
        Map<String, int[]> keptIn = new LinkedHashMap<>();
        for (int u = 0; u < units.size(); u++) {
            FilterGroup fg = units.get(u);
            if (removed.get(u).length == 0) {
                continue;
            }
            int[] keep = complement(fg.width(), removed.get(u));
            widths.put(fg.conv(), keep.length);
            keptOut.put(fg.conv(), keep);
            fg.tied().forEach(t -> keptOut.put(t, keep));
            for (String c : fg.consumers()) {
                int per = g.layer(c).kind() == Kind.DENSE ? g.layer(c).in() / fg.width() : 1;
                keptIn.put(c, expand(keep, per));
            }
        }
        return new Plan(g, Rewrites.withWidths(g, widths), keptOut, keptIn, List.of());
    }

    /** Filter indices sorted by ascending score, ties by index. */
    static int[] ascending(float[] s) {
        Integer[] idx = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Float.compare(s[a], s[b]) != 0 ? Float.compare(s[a], s[b]) : Integer.compare(a, b));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    static int[] complement(int n, int[] removed) {
        boolean[] gone = new boolean[n];
        for (int r : removed) {
            gone[r] = true;
        }
        return java.util.stream.IntStream.range(0, n).filter(i -> !gone[i]).toArray();
    }

    /** Channel indices to feature indices of a channel-major flatten with {@code per} features per channel. */
    static int[] expand(int[] channels, int per) {
        if (per == 1) {
            return channels;
        }
        int[] out = new int[channels.length * per];
        for (int i = 0; i < channels.length; i++) {
            for (int j = 0; j < per; j++) {
                out[i * per + j] = channels[i] * per + j;
            }
        }
        return out;
    }
}
