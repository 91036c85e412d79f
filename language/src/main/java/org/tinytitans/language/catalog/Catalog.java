package org.tinytitans.language.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The single source of truth for the language: blocks, properties, value types and ranges, units,
 * granularities, criteria, metrics, zoo models, datasets and targets. Validation, completion, hover,
 * the CLI and docs/language.md all read it.
 */
public final class Catalog {
    private static final Catalog INSTANCE = new Catalog();
    private static final Pattern REGION = Pattern.compile("[A-Z]{3}|WORLD");

    /** Sweeps larger than this many runs per experiment are an error. */
    public static final int SWEEP_LIMIT = 256;

    private Catalog() {}

    public static Catalog get() {
        return INSTANCE;
    }

    public List<BlockInfo> blocks() {
        return Blocks.ALL;
    }

    public Optional<BlockInfo> block(String name) {
        return Blocks.ALL.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** Properties of a block (for target: the union over target kinds); empty for unknown blocks. */
    public List<PropertyInfo> properties(String block) {
        return block(block).map(BlockInfo::properties).orElse(List.of());
    }

    public Optional<PropertyInfo> property(String block, String name) {
        return block(block).flatMap(b -> b.property(name));
    }

    public List<GranularityInfo> granularities() {
        return Criteria.GRANULARITIES;
    }

    public Optional<GranularityInfo> granularity(String name) {
        return Criteria.GRANULARITIES.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    public List<CriterionInfo> criteria() {
        return Criteria.ALL;
    }

    /** Criteria valid for a granularity, in the table's order (the tutorial's first); empty if unknown. */
    public List<CriterionInfo> criteria(String granularity) {
        return granularity(granularity).map(g -> g.criteria().stream().map(n -> criterion(n).orElseThrow()).toList())
                .orElse(List.of());
    }

    /** Every (granularity, model family, criterion) the engine runs: the one table the checker, completion and engine follow. */
    public List<MethodInfo> methods() {
        return Criteria.METHODS;
    }

    /** Whether the engine runs this criterion at this granularity on models of this family. */
    public boolean runs(String granularity, ModelFamily family, String criterion) {
        return Criteria.METHODS.contains(new MethodInfo(granularity, family, criterion));
    }

    /** Criteria of a granularity that apply to a model family, in the table's order; null family: all of them. */
    public List<CriterionInfo> criteria(String granularity, ModelFamily family) {
        if (family == null) {
            return criteria(granularity);
        }
        return criteria(granularity).stream().filter(c -> runs(granularity, family, c.name())).toList();
    }

    /** The model families a criterion applies to at a granularity, in enum order (empty when it does not apply). */
    public List<ModelFamily> families(String granularity, String criterion) {
        return Criteria.METHODS.stream().filter(m -> m.granularity().equals(granularity) && m.criterion().equals(criterion))
                .map(MethodInfo::family).toList();
    }

    /** Where a criterion applies, for hover, docs and the CLI: "filters of vision CNNs and residual vision models; ...". */
    public String applies(String criterion) {
        List<String> parts = new ArrayList<>();
        for (GranularityInfo g : granularities()) {
            List<ModelFamily> fs = families(g.name(), criterion);
            if (!fs.isEmpty()) {
                parts.add(g.name() + " of " + and(fs.stream().map(ModelFamily::plural).toList()));
            }
        }
        return String.join("; ", parts);
    }

    /**
     * Why a granularity and criterion do not fit a model (the wording the checker and the engine share), or "" when
     * they fit. model: the model's name as the spec gives it.
     */
    public String mismatch(String granularity, ModelFamily family, String criterion, String model) {
        Optional<GranularityInfo> g = granularity(granularity);
        if (g.isEmpty()) {
            return "unknown granularity '" + granularity + "'";
        }
        if (!g.get().families().contains(family)) {
            return granularityMismatch(g.get(), family, model);
        }
        if (criterion(criterion).isEmpty() || !g.get().criteria().contains(criterion)) {
            return "criterion '" + criterion + "' does not apply to prune " + granularity + "; use one of: "
                    + String.join(", ", criteria(granularity, family).stream().map(CriterionInfo::name).toList());
        }
        return runs(granularity, family, criterion) ? "" : criterionMismatch(g.get(), family, criterion, model);
    }

    /** "prune layers needs a vision model with residual blocks or a language model, but 'mnist-cnn' is a vision CNN". */
    public String granularityMismatch(GranularityInfo g, ModelFamily family, String model) {
        return "prune " + g.name() + " needs " + String.join(" or ", g.families().stream().map(ModelFamily::phrase).toList())
                + ", but '" + model + "' is " + family.phrase();
    }

    /** "criterion wanda needs a language model; for resnet20's weights: magnitude, random". */
    public String criterionMismatch(GranularityInfo g, ModelFamily family, String criterion, String model) {
        return "criterion " + criterion + " needs " + String.join(" or ", families(g.name(), criterion).stream().map(ModelFamily::phrase).toList())
                + "; for " + model + "'s " + g.name() + ": "
                + String.join(", ", criteria(g.name(), family).stream().map(CriterionInfo::name).toList());
    }

    /** "a, b and c". */
    private static String and(List<String> words) {
        return words.size() < 2 ? String.join("", words)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** The criterion used when a prune block names none: the first weights-only, non-random one. */
    public Optional<String> defaultCriterion(String granularity) {
        return criteria(granularity).stream().filter(c -> !c.needsData() && !c.name().equals("random"))
                .map(CriterionInfo::name).findFirst();
    }

    /**
     * The criterion a prune block without one uses on this model family: the first weights-only, non-random one the
     * family fits, else the first it fits (tokens of a vision-language model), else the granularity's own default.
     */
    public Optional<String> defaultCriterion(String granularity, ModelFamily family) {
        if (family == null || criteria(granularity, family).isEmpty()) return defaultCriterion(granularity);
        List<CriterionInfo> fit = criteria(granularity, family);
        return fit.stream().filter(c -> !c.needsData() && !c.name().equals("random")).map(CriterionInfo::name).findFirst()
                .or(() -> fit.stream().map(CriterionInfo::name).findFirst());
    }

    public Optional<CriterionInfo> criterion(String name) { return byName(Criteria.ALL, CriterionInfo::name, name); }

    public List<MetricInfo> metrics() { return Zoo.METRICS; }

    public Optional<MetricInfo> metric(String name) { return byName(Zoo.METRICS, MetricInfo::name, name); }

    public List<ModelInfo> models() { return Zoo.MODELS; }

    public Optional<ModelInfo> model(String name) { return byName(Zoo.MODELS, ModelInfo::name, name); }

    public List<DatasetInfo> datasets() { return Zoo.DATASETS; }

    public Optional<DatasetInfo> dataset(String name) { return byName(Zoo.DATASETS, DatasetInfo::name, name); }

    public List<ExportFormatInfo> exportFormats() { return Blocks.EXPORT_FORMATS; }

    public Optional<ExportFormatInfo> exportFormat(String name) { return byName(Blocks.EXPORT_FORMATS, ExportFormatInfo::name, name); }

    public List<TargetInfo> targets() { return Zoo.TARGETS; }

    public Optional<TargetInfo> target(String name) { return byName(Zoo.TARGETS, TargetInfo::name, name); }

    public List<Unit> units() { return Units.ALL; }

    /** Unit by its exact (case-sensitive) symbol. */
    public Optional<Unit> unit(String symbol) {
        return Units.ALL.stream().filter(u -> u.symbol().equals(symbol)).findFirst();
    }

    public List<Unit> units(UnitKind kind) {
        return Units.ALL.stream().filter(u -> u.kind() == kind).toList();
    }

    /** ISO 3166 alpha-3 syntax (any three upper-case letters) or WORLD; the engine checks its table. */
    public boolean isRegion(String text) {
        return REGION.matcher(text).matches();
    }

    /** Comparison operators of `expect`. */
    public List<String> operators() {
        return List.of("<=", "<", ">=", ">");
    }

    /** The closest candidate to a misspelt name, if it is close enough to be a likely typo. */
    public static Optional<String> didYouMean(String name, List<String> candidates) {
        return suggestions(name, candidates).stream().findFirst();
    }

    /** Close candidates, best first: small edit distance (1 to 3, growing with length) or a prefix. */
    public static List<String> suggestions(String name, List<String> candidates) {
        String n = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, n.length() / 3 + 1));
        List<String> out = new ArrayList<>();
        candidates.stream()
                .filter(c -> distance(n, c.toLowerCase(Locale.ROOT)) <= limit || (n.length() >= 3 && c.startsWith(n)))
                .sorted(Comparator.comparingInt((String c) -> distance(n, c.toLowerCase(Locale.ROOT))))
                .forEach(out::add);
        return out;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** The entry of {@code list} whose name (as {@code nameOf} reads it) is {@code name}. */
    private static <T> Optional<T> byName(List<T> list, java.util.function.Function<T, String> nameOf, String name) {
        return list.stream().filter(e -> nameOf.apply(e).equals(name)).findFirst();
    }
}
