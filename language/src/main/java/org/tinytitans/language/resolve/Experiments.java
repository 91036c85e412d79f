package org.tinytitans.language.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tinytitans.language.Merge;
import org.tinytitans.language.ast.Range;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.DatasetInfo;
import org.tinytitans.language.catalog.Quantity;
import org.tinytitans.language.catalog.ModelFamily;
import org.tinytitans.language.catalog.ModelInfo;
import org.tinytitans.language.catalog.UnitKind;

/**
 * Expands sweeps and merges defaults (see {@link Merge}): the runs the engine executes, in file
 * order, sweep points in declaration order (the last swept property varies fastest). Values the
 * checker rejects read as their defaults, so run {@code Checker.check} first; an experiment whose
 * sweep exceeds {@link Catalog#SWEEP_LIMIT} yields no runs. A file without `experiment` but with
 * top-level statements is one experiment named "default".
 */
public final class Experiments {
    private static final Catalog C = Catalog.get();

    private Experiments() {}

    public static List<ExperimentRun> resolve(SpecDocument doc) {
        List<Statement> top = doc.root().statements();
        List<Statement> defaults = top.stream().filter(s -> !s.name().equals("experiment")).toList();
        List<Statement> experiments = doc.root().experiments();
        List<ExperimentRun> runs = new ArrayList<>();
        if (experiments.isEmpty()) {
            if (!defaults.isEmpty()) expand("default", defaults.get(0).headRange(), defaults, List.of(), runs);
            return runs;
        }
        int index = 0;
        for (Statement e : experiments) {
            index++;
            String name = e.argument().map(Value::value).orElse("experiment" + index);
            Range range = e.argument().map(Value::range).orElse(e.keyword().range());
            expand(name, range, e.children(), defaults, runs);
        }
        return runs;
    }

    private static void expand(String name, Range range, List<Statement> own, List<Statement> defaults,
                               List<ExperimentRun> runs) {
        Merge merge = Merge.of(own, defaults);
        if (merge.sweepSize() > Catalog.SWEEP_LIMIT) return;
        List<Merge.Sweep> sweeps = merge.sweeps();
        int[] at = new int[sweeps.size()];
        while (true) {
            Map<String, String> variant = new LinkedHashMap<>();
            Map<Statement, Value> chosen = new java.util.HashMap<>();
            for (int i = 0; i < sweeps.size(); i++) {
                Value v = sweeps.get(i).property().values().get(at[i]);
                variant.put(sweeps.get(i).key(), v.text());
                chosen.put(sweeps.get(i).property(), v);
            }
            runs.add(run(name, range, merge, variant, chosen));
            int k = sweeps.size() - 1;
            while (k >= 0 && ++at[k] == sweeps.get(k).property().values().size()) {
                at[k] = 0;
                k--;
            }
            if (k < 0) return;
        }
    }

    private static ExperimentRun run(String name, Range range, Merge merge, Map<String, String> variant,
                                     Map<Statement, Value> chosen) {
        Map<String, Statement> experimentProps = new LinkedHashMap<>();
        merge.once("seed").ifPresent(x -> experimentProps.put("seed", x));
        merge.once("description").ifPresent(x -> experimentProps.put("description", x));
        Values exp = new Values("experiment", experimentProps, chosen);
        long seed = exp.integerOrDefault("seed");
        DatasetSpec dataset = dataset(merge);
        List<PruneSpec> prunes = new ArrayList<>();
        ModelFamily family = Optional.ofNullable(model(merge).name()).flatMap(C::model).map(ModelInfo::modelFamily).orElse(null);
        for (Statement p : merge.prunes()) prunes.add(prune(p, chosen, seed, dataset, family));
        LinkedHashSet<String> measures = new LinkedHashSet<>();
        merge.measures().forEach(m -> m.values().forEach(v -> {
            if (C.metric(v.text()).isPresent()) measures.add(v.text());
        }));
        List<ExpectSpec> expects = new ArrayList<>();
        merge.expects().forEach(s -> expect(s).ifPresent(expects::add));
        return new ExperimentRun(name, variant, model(merge), dataset, prunes, finetune(merge, chosen),
                List.copyOf(measures), latency(merge), energy(merge), target(merge), expects, range, seed,
                exp.text("description").orElse(null), exports(merge), search(merge, model(merge).name()));
    }

    private static SearchSpec search(Merge merge, String model) {
        Values v = merged(merge, "search", Map.of());
        List<Double> ratios = v.all("ratios").stream().map(x -> Quantity.parse(x.text())).flatMap(Optional::stream)
                .filter(q -> q.kind().isPresent() && (q.isPercent() || !q.hasUnit())).map(Quantity::base)
                .filter(r -> r > 0 && r < 1).sorted().distinct().toList();
        if (ratios.isEmpty()) ratios = fractions(Values.defaultText("search", "ratios"));
        return new SearchSpec(v.integerOrDefault("trials"), v.textOrDefault("allocation"),
                v.text("objective").orElse(defaultObjective(model)), ratios, v.integerOrDefault("finalists"),
                v.integerOrDefault("finalist-epochs"), v.integerOrDefault("samples"), merge.once("search").map(Statement::range).orElse(null));
    }

    /** The search settings of a run without a `search` block: the catalog's defaults. */
    public static SearchSpec defaultSearch(String model) {
        return new SearchSpec((int) Quantity.parse(Values.defaultText("search", "trials")).orElseThrow().base(),
                Values.defaultText("search", "allocation"), defaultObjective(model), fractions(Values.defaultText("search", "ratios")),
                (int) Quantity.parse(Values.defaultText("search", "finalists")).orElseThrow().base(),
                (int) Quantity.parse(Values.defaultText("search", "finalist-epochs")).orElseThrow().base(),
                (int) Quantity.parse(Values.defaultText("search", "samples")).orElseThrow().base(), null);
    }

    /** Perplexity for language models, accuracy otherwise. */
    private static String defaultObjective(String model) {
        return C.model(model).map(ModelInfo::isLanguage).orElse(false) ? "perplexity" : "accuracy";
    }

    private static List<Double> fractions(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::trim).map(t -> Quantity.parse(t).orElseThrow().base()).toList();
    }

    private static List<String> exports(Merge merge) {
        LinkedHashSet<String> formats = new LinkedHashSet<>();
        merge.exports().forEach(s -> s.argument().map(Value::text).filter(f -> C.exportFormat(f).isPresent()).ifPresent(formats::add));
        return List.copyOf(formats);
    }

    private static Values merged(Merge merge, String block, Map<Statement, Value> chosen) {
        return new Values(block, merge.properties(block), chosen);
    }

    private static ModelSpec model(Merge merge) {
        Optional<Statement> s = merge.once("model");
        Values v = merged(merge, "model", Map.of());
        int[] input = v.all("input").stream().map(Values::integer).flatMap(Optional::stream).mapToInt(Integer::intValue).toArray();
        String name = s.flatMap(Statement::argument).map(Value::text).orElse(null);
        // a zoo model's classes are the catalog's; other models (hf folders, unknown weights) say theirs themselves
        Integer classes = v.integer("classes").or(() -> C.model(name).map(ModelInfo::classes).filter(c -> c > 0)).orElse(null);
        return new ModelSpec(name, v.text("weights").orElse(null),
                input.length == 0 ? null : input, classes, v.text("format").orElse(null),
                s.map(Statement::range).orElse(null));
    }

    private static DatasetSpec dataset(Merge merge) {
        Optional<Statement> s = merge.once("dataset");
        if (s.isEmpty()) return null;
        String name = s.get().argument().map(Value::text).orElse(null);
        Values v = merged(merge, "dataset", Map.of());
        Optional<DatasetInfo> info = name == null ? Optional.empty() : C.dataset(name);
        String defaultPath = info.map(DatasetInfo::defaultPath).filter(p -> !p.isEmpty()).orElse(null);
        return new DatasetSpec(name, v.text("path").orElse(defaultPath), v.integer("samples").or(() -> info.map(DatasetInfo::samples)).orElse(null),
                v.textOrDefault("split"), v.integerOrDefault("batch"), v.integer("classes").orElse(null),
                v.value("classes").filter(x -> x.kind() == TokenKind.STRING).map(Value::value).orElse(null),
                v.textOrDefault("preprocess"), v.integerOrDefault("seq-len"), v.all("tasks").stream().map(Value::value).toList(), s.get().range());
    }

    private static PruneSpec prune(Statement p, Map<Statement, Value> chosen, long experimentSeed, DatasetSpec dataset, ModelFamily family) {
        Values v = Values.of(p, chosen);
        Granularity granularity = p.argument().map(Value::text).flatMap(Granularity::of).orElse(null);
        Optional<Value> criterionValue = v.value("criterion");
        String criterion = criterionValue.map(Value::text)
                .orElseGet(() -> granularity == null ? null : C.defaultCriterion(granularity.keyword(), family).orElse(null));
        Integer count = v.integer("count").orElse(null);
        Pattern pattern = v.value("pattern").filter(x -> x.kind() == TokenKind.PATTERN).flatMap(x -> Pattern.parse(x.text())).orElse(null);
        boolean auto = v.value("ratio").filter(x -> x.kind() == TokenKind.NAME && x.text().equals("auto")).isPresent()
                && granularity != Granularity.WEIGHTS;
        Double ratio = auto ? null : v.fraction("ratio").orElse(pattern != null ? Double.valueOf(pattern.ratio())
                : count == null ? Double.valueOf(v.fractionOrDefault("ratio")) : null);
        List<PruneSpec.LayerRatio> layers = new ArrayList<>();
        for (Statement c : p.children()) {
            List<Value> lv = c.values();
            if (!c.name().equals("layer") || lv.size() < 3 || lv.get(0).kind() != TokenKind.STRING) continue;
            Quantity.parse(lv.get(2).text()).filter(q -> q.kind().isPresent() && (q.isPercent() || !q.hasUnit()))
                    .map(Quantity::base).filter(r -> r >= 0 && r < 1)
                    .ifPresent(r -> layers.add(new PruneSpec.LayerRatio(lv.get(0).value(), r, lv.get(0).range())));
        }
        List<String> exclude = v.all("exclude").stream().filter(x -> x.kind() == TokenKind.STRING).map(Value::value).toList();
        return new PruneSpec(granularity, criterion, ratio, count, v.integerOrDefault("steps"),
                v.textOrDefault("scope"), pattern, exclude, v.integer("seed").map(Integer::longValue).orElse(experimentSeed),
                v.integer("samples").or(() -> pruneSamples(dataset)).orElse(null), v.integerOrDefault("min-filters"),
                v.integerOrDefault("round-to"), v.integerOrDefault("after"), v.boolOrDefault("fuse"), p.range(),
                criterionValue.map(Value::range).orElse(p.headRange()), auto && count == null, layers);
    }

    /** A prune block's samples when it sets none: the dataset kind's for pruning, else the dataset's own (catalog: DatasetInfo). */
    private static Optional<Integer> pruneSamples(DatasetSpec dataset) {
        if (dataset == null) return Optional.empty();
        Optional<Integer> kind = C.dataset(dataset.name()).map(DatasetInfo::pruneSamples);
        return kind.isPresent() ? kind : Optional.ofNullable(dataset.samples());
    }

    private static FinetuneSpec finetune(Merge merge, Map<Statement, Value> chosen) {
        Optional<Statement> s = merge.once("finetune");
        if (s.isEmpty()) return null;
        Values v = merged(merge, "finetune", chosen);
        return new FinetuneSpec(v.integerOrDefault("epochs"), v.numberOrDefault("lr"), v.integerOrDefault("batch"),
                v.textOrDefault("optimizer"), v.numberOrDefault("momentum"), v.boolOrDefault("nesterov"),
                v.numberOrDefault("weight-decay"), v.integerOrDefault("warmup"), v.textOrDefault("schedule"),
                v.integersOrDefault("milestones"), v.numberOrDefault("gamma"),
                v.boolOrDefault("distill"), v.boolOrDefault("augment"), v.integer("samples").orElse(null),
                v.integerOrDefault("lora-rank"), v.numberOrDefault("lora-alpha"),
                v.all("lora-targets").stream().map(Value::text).toList(), v.integerOrDefault("max-steps"), s.get().range());
    }

    private static LatencySpec latency(Merge merge) {
        Values v = merged(merge, "latency", Map.of());
        return new LatencySpec(v.integerOrDefault("batch"), v.integerOrDefault("runs"), v.integerOrDefault("warmup"),
                v.integerOrDefault("threads"), v.textOrDefault("runtime"), merge.once("latency").map(Statement::range).orElse(null));
    }

    private static EnergySpec energy(Merge merge) {
        Values v = merged(merge, "energy", Map.of());
        Optional<Quantity> price = v.quantity("price").filter(q -> q.kind().get() == UnitKind.ENERGY_PRICE);
        return new EnergySpec(v.text("region").filter(C::isRegion).orElse(null),
                v.base("intensity", UnitKind.CARBON_INTENSITY).orElse(null), v.numberOrDefault("pue"),
                v.baseOrDefault("wue", UnitKind.WATER_INTENSITY), price.map(Quantity::value).orElse(null),
                price.map(q -> q.unit().substring(0, q.unit().indexOf('/')).replace("USD", "$")).orElse(null),
                v.base("tdp", UnitKind.POWER).orElse(null), v.base("gpu-power", UnitKind.POWER).orElse(null),
                v.numberOrDefault("utilization"), merge.once("energy").map(Statement::range).orElse(null));
    }

    private static TargetSpec target(Merge merge) {
        Optional<Statement> s = merge.once("target");
        if (s.isEmpty()) return new TargetSpec("cpu", null, null, null, null, null, null, null, null, null, null, null);
        List<Value> args = s.get().values();
        String kind = args.isEmpty() ? "cpu" : args.get(0).text();
        Value second = args.size() > 1 ? args.get(1) : null;
        Values v = merged(merge, "target", Map.of());
        Integer gpu = kind.equals("gpu") ? (second == null ? Integer.valueOf(0) : Values.integer(second).orElse(0))
                : v.integer("gpu").orElse(null);
        String argument = second != null && second.kind() == TokenKind.STRING ? second.value() : null;
        return new TargetSpec(kind, argument, gpu, v.text("workdir").orElse(null), v.text("java").orElse(null),
                v.text("titans").orElse(null), v.integer("gpus").orElse(null), v.integer("cpus").orElse(null),
                v.base("mem", UnitKind.MEMORY).map(Double::longValue).orElse(null), v.text("time").orElse(null),
                v.text("account").orElse(null), s.get().range(), v.text("torch").orElse(null));
    }

    private static Optional<ExpectSpec> expect(Statement s) {
        List<Value> v = s.values();
        if (v.size() < 3) return Optional.empty();
        boolean drop = v.get(1).text().equals("drop");
        int op = drop ? 2 : 1;
        if (v.size() < op + 2 || v.get(op).kind() != TokenKind.OP) return Optional.empty();
        Optional<Quantity> q = Quantity.parse(v.get(op + 1).text()).filter(x -> x.kind().isPresent());
        if (q.isEmpty() || C.metric(v.get(0).text()).isEmpty() || !C.operators().contains(v.get(op).text())) return Optional.empty();
        String text = String.join(" ", v.stream().map(Value::text).toList());
        return Optional.of(new ExpectSpec(v.get(0).text(), drop, v.get(op).text(), q.get(), text, s.range()));
    }
}
