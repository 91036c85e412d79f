package org.tinytitans.engine.criteria;

import java.util.List;
import java.util.Locale;

/**
 * Registry of pruning criteria by name. Names are matched ignoring case, '-' and '_', so the tutorial's
 * spellings (L1, expectedABS, klDivergence, CKA) work too.
 */
public final class Criteria {
    public static final List<String> FILTER_NAMES =
            List.of("l1", "l2", "random", "rank", "expected-abs", "kl-divergence", "cka", "taylor", "fpgm");
    public static final List<String> LAYER_NAMES = List.of("l1", "random", "rank", "expected-abs", "kl-divergence", "cka");

    private Criteria() { }

    public static Criterion filter(String name) {
        return switch (key(name)) {
            case "l1" -> new Norm(Level.FILTER, false);
            case "l2" -> new Norm(Level.FILTER, true);
            case "random" -> new RandomScores(Level.FILTER);
            case "rank", "hrank" -> new FeatureRank(Level.FILTER);
            case "expectedabs" -> new ExpectedAbs(Level.FILTER);
            case "kldivergence", "kl" -> new KlDivergence(Level.FILTER, false);
            case "kldivergencetutorial" -> new KlDivergence(Level.FILTER, true);
            case "cka" -> new CkaScore(Level.FILTER);
            case "taylor" -> new Taylor();
            case "fpgm" -> new Fpgm();
            default -> throw new IllegalArgumentException(
                    "unknown filter criterion '" + name + "' (known: " + String.join(", ", FILTER_NAMES) + ")");
        };
    }

    public static Criterion layer(String name) {
        return switch (key(name)) {
            case "l1" -> new Norm(Level.LAYER, false);
            case "random" -> new RandomScores(Level.LAYER);
            case "rank", "hrank" -> new FeatureRank(Level.LAYER);
            case "expectedabs" -> new ExpectedAbs(Level.LAYER);
            case "kldivergence", "kl" -> new KlDivergence(Level.LAYER, false);
            case "kldivergencetutorial" -> new KlDivergence(Level.LAYER, true);
            case "cka" -> new CkaScore(Level.LAYER);
            default -> throw new IllegalArgumentException(
                    "unknown layer criterion '" + name + "' (known: " + String.join(", ", LAYER_NAMES) + ")");
        };
    }

    public static boolean isFilter(String name) {
        return FILTER_NAMES.stream().anyMatch(n -> key(n).equals(key(name))) || key(name).equals("kldivergencetutorial");
    }

    public static boolean isLayer(String name) {
        return LAYER_NAMES.stream().anyMatch(n -> key(n).equals(key(name))) || key(name).equals("kldivergencetutorial");
    }

    private static String key(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
