package org.tinytitans.language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tinytitans.language.ast.Position;
import org.tinytitans.language.ast.Range;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.BlockInfo;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.CriterionInfo;
import org.tinytitans.language.catalog.DatasetInfo;
import org.tinytitans.language.catalog.ExportFormatInfo;
import org.tinytitans.language.catalog.GranularityInfo;
import org.tinytitans.language.catalog.ModelFamily;
import org.tinytitans.language.catalog.ModelInfo;
import org.tinytitans.language.catalog.PropertyInfo;
import org.tinytitans.language.catalog.TargetInfo;

/** The semantic rules: names, structure, data needs, sweeps. Values are checked by {@link ValueChecker}. */
final class SemanticChecker {
    private static final Catalog C = Catalog.get();
    private static final Set<String> ONCE = Set.of("model", "dataset", "finetune", "latency", "energy", "target", "search");

    private final Report report = new Report();
    private final ValueChecker values = new ValueChecker(report);

    /** What a statement list's rules need to know about its experiment. */
    private record Context(ModelInfo model, DatasetInfo dataset, boolean hasDataset, List<String> measures) {}

    /**
     * The whole document's findings, in the order the rules emit them. The parts below are what
     * {@link IncrementalCheck} calls one experiment at a time; this is their composition for a whole file.
     */
    static List<Diagnostic> run(SpecDocument doc) {
        SemanticChecker c = new SemanticChecker();
        List<Statement> top = doc.root().statements();
        List<Statement> defaults = top.stream().filter(s -> !s.name().equals("experiment")).toList();
        List<Statement> experiments = doc.root().experiments();
        boolean everyHasDataset = !experiments.isEmpty()
                && experiments.stream().allMatch(SemanticChecker::hasDataset);
        c.defaults(defaults, everyHasDataset, experiments.isEmpty());
        Map<String, Statement> names = new HashMap<>();
        for (Statement e : experiments) {
            Statement first = e.argument().map(n -> names.putIfAbsent(n.value(), e)).orElse(null);
            c.head(e, first == null ? -1 : first.range().start().line(), defaults.isEmpty());
            c.body(e, defaults);
        }
        if (top.isEmpty()) c.emptySpec(doc.syntaxDiagnostics().isEmpty());
        return c.report.list;
    }

    /** The findings reported so far, handed over and forgotten (one checker serves many experiments). */
    List<Diagnostic> take() {
        List<Diagnostic> out = List.copyOf(report.list);
        report.list.clear();
        report.lineRefs = false;
        return out;
    }

    /** True when a message taken since the last {@link #take} names a line (it changes when the lines above move). */
    boolean namedLines() {
        return report.lineRefs;
    }

    static boolean hasDataset(Statement experiment) {
        return find(experiment.children(), "dataset").isPresent();
    }

    /**
     * The top-level defaults, checked as one list; with no experiment in the file they are its one experiment.
     * everyHasDataset: every experiment brings its own dataset (so defaults' criteria that need data have it).
     */
    void defaults(List<Statement> defaults, boolean everyHasDataset, boolean noExperiments) {
        checkStatements(defaults, context(defaults, List.of(), everyHasDataset));
        if (noExperiments && !defaults.isEmpty()) {
            experimentRules(defaults.get(0).headRange(), defaults, List.of());
        }
    }

    /**
     * An experiment's name and emptiness. firstLine: the 0-based line of an earlier experiment of the same name,
     * or -1 (the caller keeps the names, which span the file).
     */
    void head(Statement e, int firstLine, boolean noDefaults) {
        Optional<Value> name = e.argument();
        if (name.isEmpty()) {
            report.error(e.keyword().range(), Codes.MISSING_VALUE, "experiment needs a name: experiment NAME { ... }");
        } else {
            if (name.get().kind() != TokenKind.NAME && name.get().kind() != TokenKind.STRING) {
                report.error(name.get().range(), Codes.WRONG_TYPE, "an experiment name is a name such as resnet56_l1");
            }
            if (firstLine >= 0) {
                report.error(name.get().range(), Codes.DUPLICATE_EXPERIMENT, "experiment '" + name.get().value()
                        + "' is already defined on line " + (firstLine + 1));
            }
            if (e.values().size() > 1) {
                report.error(e.values().get(1).range(), Codes.TOO_MANY_VALUES, "experiment takes one name");
            }
        }
        if (e.children().isEmpty()) {
            report.warning(e.headRange(), Codes.EMPTY_EXPERIMENT, "experiment has nothing in it"
                    + (noDefaults ? "" : "; it runs with the file's defaults only"));
        }
    }

    /**
     * An experiment's statements and rules against the file's defaults. It reads only the defaults
     * {@link #readsDefault} names, so a caller may pass just those (IncrementalCheck does, and its test compares).
     */
    void body(Statement e, List<Statement> defaults) {
        checkStatements(e.children(), context(e.children(), defaults, false));
        if (!e.children().isEmpty()) experimentRules(e.headRange(), e.children(), defaults);
    }

    /**
     * Whether {@link #body} of an experiment with these statements reads a default of this name: a block whose
     * properties merge with the experiment's (model, dataset, finetune), and prune and measure when the
     * experiment has none of its own.
     */
    static boolean readsDefault(List<Statement> own, String name) {
        return switch (name) {
            case "model", "dataset", "finetune" -> true;
            case "prune", "measure" -> find(own, name).isEmpty();
            default -> false;
        };
    }

    /** A file without statements; syntaxClean: it has no syntax error either (then the one finding is this). */
    void emptySpec(boolean syntaxClean) {
        if (!syntaxClean) return;
        Position start = new Position(0, 0, 0);
        report.error(new Range(start, start), Codes.EMPTY_SPEC, "the file is empty: write an experiment, e.g. experiment e { model resnet20 }"
                + " (titans-cli init writes a commented starter)");
    }

    private Context context(List<Statement> own, List<Statement> defaults, boolean datasetElsewhere) {
        Optional<Statement> model = find(own, "model").or(() -> find(defaults, "model"));
        Optional<Statement> dataset = find(own, "dataset").or(() -> find(defaults, "dataset"));
        List<String> measures = new ArrayList<>();
        List<Statement> measureSource = own.stream().anyMatch(s -> s.name().equals("measure")) ? own : defaults;
        measureSource.stream().filter(s -> s.name().equals("measure"))
                .forEach(s -> s.values().forEach(v -> measures.add(v.text())));
        return new Context(model.flatMap(Statement::argument).flatMap(v -> C.model(v.text())).orElse(null),
                dataset.flatMap(Statement::argument).flatMap(v -> C.dataset(v.text())).orElse(null),
                dataset.isPresent() || datasetElsewhere, measures);
    }

    private static Optional<Statement> find(List<Statement> list, String name) {
        for (Statement s : list) { // a loop, not a stream: IncrementalCheck asks this of every experiment on every edit
            if (s.name().equals(name)) return Optional.of(s);
        }
        return Optional.empty();
    }

    // ---- experiment level -------------------------------------------------------------------

    private void checkStatements(List<Statement> list, Context ctx) {
        Map<String, Statement> seen = new HashMap<>();
        for (Statement s : list) {
            String name = s.name();
            if (ONCE.contains(name) || name.equals("description") || name.equals("seed")) {
                Statement first = seen.putIfAbsent(name, s);
                if (first != null) {
                    boolean block = ONCE.contains(name);
                    report.error(s.keyword().range(), block ? Codes.DUPLICATE_BLOCK : Codes.DUPLICATE_PROPERTY,
                            "'" + name + "' is already given on line " + report.lineOf(first)
                                    + (block ? "; merge the two blocks" : ""));
                    continue;
                }
            }
            switch (name) {
                case "model" -> checkModel(s, ctx);
                case "dataset" -> checkDataset(s, ctx);
                case "prune" -> checkPrune(s, ctx);
                case "finetune", "energy", "search" -> {
                    noArguments(s);
                    checkProperties(name, s, null);
                }
                case "latency" -> {
                    noArguments(s);
                    Statement runtime = checkProperties(name, s, null).get("runtime");
                    Optional<Value> v = runtime == null ? Optional.empty() : runtime.argument();
                    if (v.isPresent() && v.get().text().equals("onnxruntime") && ctx.model() != null && ctx.model().isLanguage()) {
                        report.error(v.get().range(), Codes.VISION_ONLY, "runtime onnxruntime applies to vision models (they are exported "
                                + "to ONNX), but '" + ctx.model().name() + "' is a language model");
                    }
                }
                case "target" -> checkTarget(s);
                case "measure" -> checkMeasure(s);
                case "export" -> checkExport(s, ctx);
                case "expect" -> new ExpectChecker(report, values).check(s, ctx.measures());
                case "description", "seed" -> {
                    noBody(s);
                    values.check(C.property("experiment", name).orElseThrow(), s);
                }
                case "experiment" -> report.error(s.keyword().range(), Codes.MISPLACED_STATEMENT, "an experiment cannot be nested");
                default -> unknownStatement(s);
            }
        }
    }

    private void unknownStatement(Statement s) {
        for (BlockInfo b : C.blocks()) {
            if (b.property(s.name()).isPresent()) {
                report.error(s.keyword().range(), Codes.MISPLACED_STATEMENT,
                        "'" + s.name() + "' belongs inside a '" + b.name() + "' block");
                return;
            }
        }
        List<String> candidates = new ArrayList<>(C.blocks().stream().map(BlockInfo::name).toList());
        candidates.addAll(C.properties("experiment").stream().map(PropertyInfo::name).toList());
        report.unknown(s.keyword().range(), Codes.UNKNOWN_BLOCK, "statement", s.name(), candidates);
    }

    private void experimentRules(Range at, List<Statement> own, List<Statement> defaults) {
        Merge merged = Merge.of(own, defaults);
        if (merged.once("model").isEmpty()) {
            report.error(at, Codes.MISSING_MODEL, "experiment has no model; add e.g. 'model resnet56'");
        }
        if (merged.prunes().isEmpty()) {
            report.warning(at, Codes.MISSING_PRUNE, "experiment prunes nothing: only the unpruned model is measured");
        }
        classesAgree(merged);
        Optional<Statement> search = find(own, "search"); // a top-level default search serves the experiments that search
        boolean auto = merged.prunes().stream().flatMap(p -> p.children().stream()).filter(c -> c.name().equals("ratio"))
                .anyMatch(c -> c.values().stream().anyMatch(SemanticChecker::isAuto));
        if (search.isPresent() && !auto) {
            report.error(search.get().keyword().range(), Codes.SEARCH_WITHOUT_AUTO, "'search' has nothing to search: no prune block says 'ratio auto'");
        }
        long points = merged.sweepSize();
        if (points > Catalog.SWEEP_LIMIT) {
            report.error(at, Codes.SWEEP_TOO_LARGE, "this sweep expands to " + points + " runs; the limit is "
                    + Catalog.SWEEP_LIMIT + " (split it into several experiments)");
        }
    }

    /**
     * The dataset's classes (its `classes N`, else the dataset kind's) against the model's outputs (its
     * `classes N`, else the zoo entry's). A class list file is only read by the engine, which checks it at run time.
     */
    private void classesAgree(Merge merged) {
        Optional<Statement> model = merged.once("model");
        Optional<Statement> dataset = merged.once("dataset");
        Optional<ModelInfo> m = model.flatMap(Statement::argument).flatMap(v -> C.model(v.text()));
        Optional<DatasetInfo> d = dataset.flatMap(Statement::argument).flatMap(v -> C.dataset(v.text()));
        if (m.isEmpty() || d.isEmpty() || m.get().isLanguage() || !d.get().family().equals("vision")) return;
        Optional<Value> declared = Optional.ofNullable(merged.properties("dataset").get("classes"))
                .flatMap(s -> s.values().stream().findFirst()).filter(v -> v.kind() == TokenKind.NUMBER);
        Optional<Integer> outputsGiven = Optional.ofNullable(merged.properties("model").get("classes"))
                .flatMap(s -> s.values().stream().findFirst()).flatMap(SemanticChecker::whole);
        int outputs = outputsGiven.orElse(m.get().classes());
        Optional<Integer> classes = declared.isPresent() ? declared.flatMap(SemanticChecker::whole) : Optional.of(d.get().classes());
        if (classes.isEmpty() || classes.get() <= 0 || outputs <= 0 || classes.get() == outputs) return;
        Range at = declared.map(Value::range).orElseGet(() -> dataset.get().argument().orElseThrow().range());
        report.warning(at, Codes.CLASSES_MISMATCH, "dataset " + d.get().name() + " has " + classes.get() + " classes but model "
                + m.get().name() + " has " + outputs + " outputs" + (outputsGiven.isPresent() ? "" : " (set `classes` in the model block if it was trained on these)")
                + "; labels would not be the model's classes");
    }

    private static Optional<Integer> whole(Value v) {
        return org.tinytitans.language.catalog.Quantity.parse(v.text()).map(org.tinytitans.language.catalog.Quantity::base)
                .filter(x -> x == Math.rint(x) && x > 0 && x <= Integer.MAX_VALUE).map(x -> (int) Math.round(x));
    }

    // ---- blocks ---------------------------------------------------------------------------------

    private void checkModel(Statement s, Context ctx) {
        Optional<Value> arg = argument(s, "model needs a zoo name, e.g. model resnet56");
        arg.ifPresent(v -> {
            if (C.model(v.text()).isEmpty() || v.kind() != TokenKind.NAME) {
                report.unknown(v.range(), Codes.UNKNOWN_MODEL, "model", v.text(), C.models().stream().map(ModelInfo::name).toList());
            } else if (v.text().equals("hf") && s.children().stream().noneMatch(c -> c.name().equals("weights"))) {
                report.error(v.range(), Codes.MISSING_VALUE, "model hf needs 'weights \"folder\"' (a Hugging Face model folder)");
            }
        });
        checkProperties("model", s, null);
    }

    private void checkDataset(Statement s, Context ctx) {
        Optional<Value> arg = argument(s, "dataset needs a name, e.g. dataset cifar10");
        arg.ifPresent(v -> {
            Optional<DatasetInfo> d = C.dataset(v.text());
            if (d.isEmpty() || v.kind() != TokenKind.NAME) {
                report.unknown(v.range(), Codes.UNKNOWN_DATASET, "dataset", v.text(), C.datasets().stream().map(DatasetInfo::name).toList());
            } else if (ctx.model() != null && !d.get().family().equals("any") && !d.get().family().equals(ctx.model().family())) {
                report.error(v.range(), Codes.MODEL_DATASET_MISMATCH, "dataset '" + v.text() + "' is " + d.get().family()
                        + " data but model '" + ctx.model().name() + "' is a " + ctx.model().family() + " model");
            }
        });
        checkProperties("dataset", s, null);
    }

    private void checkPrune(Statement s, Context ctx) {
        List<String> grans = C.granularities().stream().map(GranularityInfo::name).toList();
        Optional<Value> arg = argument(s, "prune needs a granularity: " + String.join(", ", grans));
        GranularityInfo g = null;
        if (arg.isPresent()) {
            Value v = arg.get();
            g = C.granularity(v.text()).filter(x -> v.kind() == TokenKind.NAME).orElse(null);
            if (g == null) {
                report.unknown(v.range(), Codes.UNKNOWN_GRANULARITY, "granularity", v.text(), grans);
            } else if (ctx.model() != null && !g.families().contains(ctx.model().modelFamily())) {
                report.error(v.range(), Codes.CRITERION_FAMILY, C.granularityMismatch(g, ctx.model().modelFamily(), ctx.model().name()));
            }
        }
        GranularityInfo gran = g;
        Map<String, Statement> props = checkProperties("prune", s, c -> checkCriterion(c, gran, ctx));
        String where = gran == null ? "prune" : "prune " + gran.name();
        if (gran != null && props.containsKey("pattern") && !gran.name().equals("weights")) {
            report.error(props.get("pattern").keyword().range(), Codes.PATTERN_OUTSIDE_WEIGHTS,
                    "'pattern' applies only to 'prune weights', not " + where);
        }
        if (gran != null && props.containsKey("count") && !gran.name().equals("layers")) {
            report.error(props.get("count").keyword().range(), Codes.COUNT_OUTSIDE_LAYERS,
                    "'count' applies only to 'prune layers'; use 'ratio' for " + where);
        }
        if (gran != null && props.containsKey("round-to") && !gran.name().equals("filters")) {
            report.error(props.get("round-to").keyword().range(), Codes.ROUND_TO_OUTSIDE_FILTERS,
                    "'round-to' applies only to 'prune filters', not " + where);
        }
        for (String k : List.of("after", "fuse")) {
            if (gran != null && props.containsKey(k) && !gran.name().equals("tokens")) {
                report.error(props.get(k).keyword().range(), Codes.TOKENS_ONLY, "'" + k + "' applies only to 'prune tokens', not " + where);
            }
        }
        if (gran != null && gran.name().equals("tokens")) {
            checkTokens(props, ctx);
        }
        if (props.containsKey("ratio") && props.containsKey("count")) {
            report.error(props.get("count").keyword().range(), Codes.RATIO_AND_COUNT, "give either 'ratio' or 'count', not both");
        }
        autoAndLayers(s, gran, props, where);
        if (gran != null && !props.containsKey("criterion")) {
            report.info(s.headRange(), Codes.MISSING_CRITERION, where + " has no criterion; "
                    + C.defaultCriterion(gran.name(), ctx.model() == null ? null : ctx.model().modelFamily()).orElse("random") + " is used");
        }
        if (gran != null && !props.containsKey("ratio") && !props.containsKey("count") && !props.containsKey("pattern")) {
            report.info(s.headRange(), Codes.MISSING_AMOUNT, where + " has no ratio; "
                    + C.property("prune", "ratio").map(PropertyInfo::defaultValue).orElseThrow() + " is used");
        }
    }

    /** `ratio auto` only where a search can run, never as a sweep point; `layer` lines only where a plan has per-layer ratios. */
    private void autoAndLayers(Statement s, GranularityInfo gran, Map<String, Statement> props, String where) {
        Statement ratio = props.get("ratio");
        Optional<Value> auto = ratio == null ? Optional.empty() : ratio.values().stream().filter(SemanticChecker::isAuto).findFirst();
        if (auto.isPresent()) {
            if (gran != null && gran.name().equals("weights")) {
                report.error(auto.get().range(), Codes.AUTO_RATIO_GRANULARITY, "'ratio auto' searches prune filters, layers, neurons or heads, not "
                        + where + "; give a fixed ratio such as 50%", "50%");
            } else if (ratio.values().size() > 1) {
                report.error(auto.get().range(), Codes.AUTO_RATIO_SWEEP, "'ratio auto' is a search, not a sweep point: give it alone or list fixed ratios");
            }
        }
        for (Statement c : s.children()) {
            if (c.name().equals("layer") && gran != null && (gran.name().equals("layers") || gran.name().equals("weights"))) {
                report.error(c.keyword().range(), Codes.LAYER_RATIO_GRANULARITY, "'layer ... ratio' lines apply to prune filters, neurons and heads, not "
                        + where + (gran.name().equals("layers") ? "; a layer plan is written as 'count N'" : ""));
            }
        }
    }

    /** `ratio auto` as written. */
    static boolean isAuto(Value v) {
        return v.kind() == TokenKind.NAME && v.text().equals("auto");
    }

    /** `after K` within the model's blocks (when the catalog states them); `fuse` only where the criterion fuses. */
    private void checkTokens(Map<String, Statement> props, Context ctx) {
        Statement after = props.get("after");
        int blocks = ctx.model() == null ? 0 : ctx.model().blocks();
        if (after != null && blocks > 0) {
            for (Value v : after.values()) {
                whole(v).filter(k -> k >= blocks).ifPresent(k -> report.error(v.range(), Codes.AFTER_LAST_BLOCK, "'" + ctx.model().name()
                        + "' has " + blocks + " blocks; tokens are pruned after block 1 to " + (blocks - 1) + ", not " + k
                        + " (no block would run on the pruned tokens)"));
            }
        }
        Statement fuse = props.get("fuse");
        Statement criterion = props.get("criterion");
        if (fuse != null && criterion != null && !criterion.values().isEmpty()
                && criterion.values().stream().noneMatch(v -> v.text().equals("cls-attention"))) {
            report.error(fuse.keyword().range(), Codes.TOKENS_ONLY, "'fuse' applies to criterion cls-attention (EViT); "
                    + criterion.values().get(0).text() + " merges tokens by itself");
        }
    }

    /** The criteria of a granularity that the experiment's model can use (all of them when the model is unknown). */
    private static List<String> usable(GranularityInfo g, Context ctx) {
        ModelFamily family = ctx.model() == null || !g.families().contains(ctx.model().modelFamily()) ? null : ctx.model().modelFamily();
        return C.criteria(g.name(), family).stream().map(CriterionInfo::name).toList();
    }

    private void checkCriterion(Statement c, GranularityInfo g, Context ctx) {
        List<String> usable = g == null ? List.of() : usable(g, ctx);
        if (c.values().isEmpty()) {
            report.error(c.keyword().range(), Codes.MISSING_VALUE, "'criterion' needs a name"
                    + (g == null ? "" : ": one of " + String.join(", ", usable)));
            return;
        }
        String where = g == null ? "prune" : "prune " + g.name();
        for (int i = 0; i < c.values().size(); i++) {
            Value v = c.values().get(i);
            if (i > 0 && !v.afterComma()) {
                report.error(v.range(), Codes.SYNTAX_ERROR, "separate the criteria with ','", ", " + v.text());
                return;
            }
            Optional<CriterionInfo> info = C.criterion(v.text()).filter(x -> v.kind() == TokenKind.NAME);
            if (info.isEmpty()) {
                List<String> pool = g != null ? usable : C.criteria().stream().map(CriterionInfo::name).toList();
                List<String> close = Catalog.suggestions(v.text(), pool);
                String hint = close.isEmpty() ? "; expected one of: " + String.join(", ", pool)
                        : "; did you mean '" + close.get(0) + "'?";
                report.error(v.range(), Codes.UNKNOWN_CRITERION, "unknown criterion '" + v.text() + "' for " + where + hint, close);
            } else if (g != null && !g.criteria().contains(v.text())) {
                report.error(v.range(), Codes.CRITERION_GRANULARITY, "criterion '" + v.text() + "' does not apply to " + where
                        + " (it works on " + String.join(", ", info.get().granularities()) + "); use one of: "
                        + String.join(", ", usable), usable);
            } else if (g != null && ctx.model() != null && g.families().contains(ctx.model().modelFamily())
                    && !C.runs(g.name(), ctx.model().modelFamily(), v.text())) {
                // The granularity fits the model (else its own error stands) but this criterion needs another family.
                report.error(v.range(), Codes.CRITERION_MODEL, C.criterionMismatch(g, ctx.model().modelFamily(), v.text(), ctx.model().name()), usable);
            } else if (info.get().needsData() && !ctx.hasDataset()) {
                String example = ctx.model() == null ? "cifar10" : ctx.model().defaultDataset();
                report.error(v.range(), Codes.MISSING_DATASET, "criterion '" + v.text()
                        + "' needs data; add a 'dataset' block (e.g. dataset " + example + ")");
            }
        }
    }

    private void checkTarget(Statement s) {
        List<String> kinds = C.targets().stream().map(TargetInfo::name).toList();
        Optional<Value> arg = argument(s, "target needs a kind: " + String.join(", ", kinds));
        if (arg.isEmpty()) return;
        Value kind = arg.get();
        Optional<TargetInfo> t = C.target(kind.text()).filter(x -> kind.kind() == TokenKind.NAME);
        if (t.isEmpty()) {
            report.unknown(kind.range(), Codes.UNKNOWN_TARGET, "target", kind.text(), kinds);
            return;
        }
        List<Value> rest = s.values().subList(1, s.values().size());
        switch (t.get().name()) {
            case "ssh", "slurm" -> {
                if (rest.isEmpty()) {
                    report.error(kind.range(), Codes.MISSING_VALUE, "target " + kind.text() + " needs " + t.get().argument());
                } else if (rest.get(0).kind() != TokenKind.STRING) {
                    report.error(rest.get(0).range(), Codes.WRONG_TYPE, "target " + kind.text() + " expects " + t.get().argument()
                            + " in double quotes", "\"" + rest.get(0).text() + "\"");
                }
            }
            case "gpu" -> {
                if (!rest.isEmpty()) {
                    values.checkOne(C.property("target", "gpu").orElseThrow(), rest.get(0));
                }
            }
            default -> {
                if (!rest.isEmpty()) report.error(rest.get(0).range(), Codes.TOO_MANY_VALUES, "target cpu takes no value");
            }
        }
        if (rest.size() > 1) report.error(rest.get(1).range(), Codes.TOO_MANY_VALUES, "target " + kind.text() + " takes at most one value");
        Map<String, Statement> props = checkProperties("target", s, null);
        props.forEach((name, c) -> {
            if (!t.get().properties().contains(name)) {
                report.error(c.keyword().range(), Codes.UNKNOWN_PROPERTY, "'" + name + "' is not a property of target " + kind.text()
                        + (t.get().properties().isEmpty() ? "" : "; it has: " + String.join(", ", t.get().properties())));
            }
        });
    }

    private void checkExport(Statement s, Context ctx) {
        noBody(s);
        List<String> formats = C.exportFormats().stream().map(ExportFormatInfo::name).toList();
        argument(s, "export needs a format: " + String.join(", ", formats)).ifPresent(v -> {
            if (v.kind() != TokenKind.NAME || C.exportFormat(v.text()).isEmpty()) {
                report.unknown(v.range(), Codes.UNKNOWN_EXPORT_FORMAT, "export format", v.text(), formats);
            } else if (ctx.model() != null && !ctx.model().family().equals("vision")) {
                report.error(v.range(), Codes.VISION_ONLY, "export " + v.text() + " applies to vision models, but '"
                        + ctx.model().name() + "' is a " + ctx.model().family() + " model");
            }
        });
    }

    private void checkMeasure(Statement s) {
        noBody(s);
        if (s.values().isEmpty()) {
            report.error(s.keyword().range(), Codes.MISSING_VALUE, "measure needs metrics, e.g. measure flops, params, accuracy");
            return;
        }
        Set<String> seen = new HashSet<>();
        List<String> names = C.metrics().stream().map(m -> m.name()).toList();
        for (int i = 0; i < s.values().size(); i++) {
            Value v = s.values().get(i);
            if (i > 0 && !v.afterComma()) {
                report.error(v.range(), Codes.SYNTAX_ERROR, "separate the metrics with ','", ", " + v.text());
                return;
            }
            if (v.kind() != TokenKind.NAME || C.metric(v.text()).isEmpty()) {
                report.unknown(v.range(), Codes.UNKNOWN_METRIC, "metric", v.text(), names);
            } else if (!seen.add(v.text())) {
                report.warning(v.range(), Codes.DUPLICATE_PROPERTY, "metric '" + v.text() + "' is listed twice");
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** A `layer "NAME" ratio R` line: several per block, one per layer name. */
    private void layerLine(PropertyInfo p, Statement c, Map<String, Statement> seen) {
        seen.putIfAbsent(c.name(), c);
        values.checkLayer(p, c);
        if (c.values().isEmpty() || c.values().get(0).kind() != TokenKind.STRING) return;
        String key = "layer\u0000" + c.values().get(0).value();
        Statement first = seen.putIfAbsent(key, c);
        if (first != null) {
            report.error(c.values().get(0).range(), Codes.DUPLICATE_LAYER, "layer " + c.values().get(0).text()
                    + " is already given on line " + report.lineOf(first));
        }
    }

    /** The block's first value, reporting its absence; extra values are left to the caller. */
    private Optional<Value> argument(Statement s, String message) {
        Optional<Value> arg = s.argument();
        if (arg.isEmpty()) report.error(s.keyword().range(), Codes.MISSING_VALUE, message);
        if (!s.name().equals("target") && s.values().size() > 1) {
            report.error(s.values().get(1).range(), Codes.TOO_MANY_VALUES, "'" + s.name() + "' takes one name; properties go inside '{ }'");
        }
        return arg;
    }

    private void noArguments(Statement s) {
        if (!s.values().isEmpty()) {
            report.error(s.values().get(0).range(), Codes.TOO_MANY_VALUES, "'" + s.name() + "' takes no value; properties go inside '{ }'");
        }
    }

    private void noBody(Statement s) {
        if (s.hasBody()) report.error(s.body().open().range(), Codes.UNEXPECTED_TOKEN, "'" + s.name() + "' has no '{ }' block");
    }

    /**
     * Checks a block's properties: known, not duplicated, values valid. `special` checks a property
     * itself instead of the value checker (criterion). Returns the first statement of each property.
     */
    private Map<String, Statement> checkProperties(String block, Statement s, java.util.function.Consumer<Statement> special) {
        Map<String, Statement> seen = new java.util.LinkedHashMap<>();
        BlockInfo info = C.block(block).orElseThrow();
        for (Statement c : s.children()) {
            Optional<PropertyInfo> p = info.property(c.name());
            if (p.isEmpty()) {
                if (C.block(c.name()).isPresent() || c.name().equals("experiment")) {
                    report.error(c.keyword().range(), Codes.MISPLACED_STATEMENT, "'" + c.name() + "' cannot be inside '"
                            + block + "'; move it to the experiment");
                } else {
                    List<String> names = info.properties().stream().map(PropertyInfo::name).toList();
                    List<String> close = Catalog.suggestions(c.name(), names);
                    String hint = close.isEmpty() ? "; it has: " + String.join(", ", names) : "; did you mean '" + close.get(0) + "'?";
                    report.error(c.keyword().range(), Codes.UNKNOWN_PROPERTY, "unknown property '" + c.name() + "' in " + block + hint, close);
                }
                continue;
            }
            noBody(c);
            if (p.get().type() == org.tinytitans.language.catalog.ValueType.LAYER_RATIO) {
                layerLine(p.get(), c, seen);
                continue;
            }
            Statement first = seen.putIfAbsent(c.name(), c);
            if (first != null) {
                report.error(c.keyword().range(), Codes.DUPLICATE_PROPERTY, "'" + c.name() + "' is already given on line "
                        + report.lineOf(first) + "; to sweep, list the values: " + c.name() + " A, B");
                continue;
            }
            if (special != null && c.name().equals("criterion")) special.accept(c);
            else values.check(p.get(), c);
        }
        return seen;
    }
}
