package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.tinytitans.engine.figures.Figures;
import org.tinytitans.server.estimates.EstimateService;
import org.tinytitans.server.settings.ClientSupport;
import org.tinytitans.language.Expectation;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.catalog.Quantity;
import org.tinytitans.language.catalog.BlockInfo;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.CriterionInfo;
import org.tinytitans.language.catalog.ModelFamily;
import org.tinytitans.language.catalog.ModelInfo;
import org.tinytitans.language.catalog.MetricInfo;
import org.tinytitans.language.catalog.PropertyInfo;
import org.tinytitans.language.catalog.Unit;
import org.tinytitans.language.catalog.UnitKind;
import org.tinytitans.language.catalog.ValueType;

/**
 * Completion from the grammar's expectation at the caret and the catalog: keywords by context, criteria valid
 * for the granularity, ratios with their predicted FLOPs and params, models, datasets, metrics, units, regions,
 * layer names for `exclude`, and a snippet for a new experiment.
 */
public final class Completions {
    static final List<String> RATIOS = List.of("10%", "25%", "30%", "50%", "70%", "90%");
    static final List<String> REGIONS = List.of("WORLD", "BRA", "USA", "FRA", "DEU", "GBR", "CHN", "IND", "JPN", "CAN",
            "AUS", "SWE", "NOR", "POL", "ZAF");
    private static final Pattern NUMBER_PREFIX = Pattern.compile("[-+]?[0-9]+(\\.[0-9]*)?([eE][-+]?[0-9]+)?");
    private static final Catalog CATALOG = Catalog.get();

    private final SpecDocument doc;
    private final int offset;
    private final EstimateService estimates;
    private final ClientSupport client;
    private final String region;
    private final Expectation at;
    private final Range replace;
    private final List<CompletionItem> items = new ArrayList<>();

    private Completions(SpecDocument doc, int offset, EstimateService estimates, ClientSupport client, String region) {
        this.doc = doc;
        this.offset = offset;
        this.estimates = estimates;
        this.client = client;
        this.region = region;
        this.at = doc.expectedAt(offset);
        this.replace = Ranges.lsp(at.replaceRange());
    }

    public static CompletionList complete(SpecDocument doc, int offset, EstimateService estimates, ClientSupport client,
                                          String region) {
        Completions c = new Completions(doc, offset, estimates, client, region);
        switch (c.at.kind()) {
            case KEYWORD -> c.keywords();
            case VALUE -> c.values();
            case NONE -> { }
        }
        return new CompletionList(false, c.items);
    }

    // ---- keywords

    private void keywords() {
        String block = at.block();
        if (block.isEmpty() || block.equals("experiment")) {
            if (block.isEmpty()) {
                keyword("experiment", CompletionItemKind.Keyword, "block", CATALOG.block("experiment").orElseThrow().doc());
                experimentSnippet();
            }
            for (BlockInfo b : CATALOG.blocks()) {
                if (!b.name().equals("experiment")) keyword(b.name(), CompletionItemKind.Keyword, "block", b.doc() + "\n\n`" + b.example() + "`");
            }
            if (block.equals("experiment")) CATALOG.properties("experiment").forEach(this::property);
            return;
        }
        List<PropertyInfo> props = CATALOG.properties(block);
        Set<String> allowed = allowedProperties(block);
        for (PropertyInfo p : props) {
            if (allowed == null || allowed.contains(p.name())) property(p);
        }
    }

    /** Properties that apply to this kind of block (target ssh has no `gpus`...), or null for all. */
    private Set<String> allowedProperties(String block) {
        String arg = at.blockArgument();
        if (block.equals("target") && arg != null) {
            return CATALOG.target(arg).map(t -> (Set<String>) new LinkedHashSet<>(t.properties())).orElse(null);
        }
        if (block.equals("prune") && arg != null) {
            Set<String> all = CATALOG.properties("prune").stream().map(PropertyInfo::name).collect(Collectors.toCollection(LinkedHashSet::new));
            if (!arg.equals("weights")) all.remove("pattern");
            if (!arg.equals("layers")) all.remove("count");
            return all;
        }
        return null;
    }

    private void property(PropertyInfo p) {
        String detail = p.type().doc() + (p.rangeText().isEmpty() ? "" : ", " + p.rangeText())
                + (p.defaultValue() == null ? "" : ", default " + p.defaultValue());
        keyword(p.name(), CompletionItemKind.Property, detail, p.doc());
    }

    private void keyword(String name, CompletionItemKind kind, String detail, String doc) {
        CompletionItem item = item(name, kind, detail, doc);
        item.setTextEdit(Either.forLeft(new TextEdit(replace, name + " ")));
        items.add(item);
    }

    private void experimentSnippet() {
        String model = "resnet56";
        String dataset = "cifar10";
        String snippet = "experiment ${1:name} {\n"
                + "  model ${2:" + model + "}\n"
                + "  dataset ${3:" + dataset + "}\n"
                + "  prune filters {\n"
                + "    criterion ${4:l1}\n"
                + "    ratio ${5:50%}\n"
                + "  }\n"
                + "  measure flops, params, latency, accuracy\n"
                + "  expect flops <= ${6:55%}\n"
                + "}\n$0";
        CompletionItem item = item("experiment (new)", CompletionItemKind.Snippet, "a new experiment",
                "An experiment with a model, a prune pass, what to measure and one expectation.");
        if (client.snippets()) {
            item.setInsertTextFormat(InsertTextFormat.Snippet);
            item.setTextEdit(Either.forLeft(new TextEdit(replace, snippet)));
        } else {
            item.setTextEdit(Either.forLeft(new TextEdit(replace, snippet.replaceAll("\\$\\{\\d+:([^}]*)}", "$1").replace("$0", ""))));
        }
        item.setFilterText("experiment");
        items.add(item);
    }

    // ---- values

    private void values() {
        String key = at.key();
        switch (key) {
            case "criterion" -> criteria();
            case "ratio" -> ratios();
            case "model" -> models();
            case "dataset" -> CATALOG.datasets().forEach(d -> value(d.name(), CompletionItemKind.Module,
                    d.family() + (d.defaultPath().isEmpty() ? "" : ", default path " + d.defaultPath()), d.doc()));
            case "prune" -> {
                if (at.valueIndex() == 0) CATALOG.granularities().forEach(g -> value(g.name(), CompletionItemKind.EnumMember,
                        "removes " + g.removes(), g.doc()));
            }
            case "measure" -> CATALOG.metrics().stream().filter(m -> !at.previousValues().contains(m.name()))
                    .forEach(this::metric);
            case "expect" -> expect();
            case "target" -> {
                if (at.valueIndex() == 0) CATALOG.targets().forEach(t -> value(t.name(), CompletionItemKind.EnumMember,
                        t.argument().isEmpty() ? "target" : "then " + t.argument(), t.doc()));
            }
            case "region" -> regions();
            case "exclude" -> layers("Never prune `%s`.");
            case "layer" -> layerRatio();
            default -> propertyValues();
        }
    }

    /** The criteria of the block's granularity that the experiment's model family can use (all when unknown). */
    private void criteria() {
        String granularity = at.blockArgument() == null ? "filters" : at.blockArgument();
        ModelFamily family = SpecQueries.modelAt(doc, offset).flatMap(CATALOG::model).map(ModelInfo::modelFamily)
                .filter(f -> CATALOG.granularity(granularity).map(g -> g.families().contains(f)).orElse(false)).orElse(null);
        List<CriterionInfo> list = CATALOG.criteria(granularity, family);
        if (list.isEmpty()) list = CATALOG.criteria();
        for (CriterionInfo c : list) {
            if (at.previousValues().contains(c.name())) continue;
            String detail = c.title() + (c.needsData() ? " (needs data)" : " (weights only, no data)");
            value(c.name(), CompletionItemKind.EnumMember, detail, c.doc() + "\n\n*" + c.reference() + "*");
        }
    }

    private void ratios() {
        // the block as its first run resolves it (the first sweep point), with each candidate ratio in turn
        Optional<ResolvedRuns.At> run = enclosing("prune").flatMap(p -> ResolvedRuns.of(doc).ofPrune(p).stream().findFirst());
        int order = 0;
        for (String r : RATIOS) {
            if (at.previousValues().contains(r)) continue;
            double f = Quantity.parse(r).orElseThrow().base();
            String detail = "remove " + r;
            Optional<EstimateService.PruneFigures> est = run.flatMap(a -> a.withRatio(f).figures(estimates));
            if (est.isPresent()) detail = Estimates.pruneLine(est.get());
            CompletionItem item = value(r, CompletionItemKind.Value, detail,
                    est.map(e -> Estimates.pruneMarkdown(run.get().run().model().name(), e)).orElse("Fraction of the structures removed."));
            item.setSortText(String.format("%02d", order++));
        }
        // keywords the catalog allows instead of a number (`ratio auto`), where the granularity can be searched
        if (!"weights".equals(at.blockArgument())) {
            PropertyInfo ratio = CATALOG.property("prune", "ratio").orElseThrow();
            for (String c : ratio.choices()) {
                CompletionItem item = value(c, CompletionItemKind.Keyword, "search the ratios that meet the expects", ratio.doc());
                item.setSortText(String.format("%02d", order++));
            }
        }
    }

    private void models() {
        if (at.valueIndex() != 0) return;
        for (var m : CATALOG.models()) {
            String detail = m.family() + ", " + m.defaultDataset();
            Optional<EstimateService.Figures> f = estimates.model(m.name());
            if (f.isPresent()) detail += ", " + Figures.count(f.get().params()) + " params, " + Figures.count(f.get().flops()) + " FLOPs";
            value(m.name(), CompletionItemKind.Class, detail, m.doc());
        }
    }

    private void metric(MetricInfo m) {
        value(m.name(), CompletionItemKind.Field, m.unit().isEmpty() ? m.unitKind().doc() : "in " + m.unit(), m.doc());
    }

    private void expect() {
        List<String> prev = at.previousValues();
        if (at.valueIndex() == 0) {
            CATALOG.metrics().forEach(this::metric);
            return;
        }
        Optional<MetricInfo> metric = CATALOG.metric(prev.get(0));
        String last = prev.get(prev.size() - 1);
        if (CATALOG.operators().contains(last)) {
            metric.ifPresent(m -> quantities(m.relative() || prev.contains("drop") ? UnitKind.PERCENT : m.unitKind()));
            return;
        }
        if (prev.size() == 1 && metric.isPresent()) {
            value("drop", CompletionItemKind.Keyword, "compare with the baseline", "`expect " + prev.get(0)
                    + " drop <= 2%`: the loss against the unpruned model.");
        }
        for (String op : CATALOG.operators()) value(op, CompletionItemKind.Operator, "comparison", "");
    }

    /** Units of a kind; glued to the number being typed when there is one. */
    private void quantities(UnitKind kind) {
        String number = NUMBER_PREFIX.matcher(at.prefix()).matches() ? at.prefix() : "";
        for (Unit u : CATALOG.units(kind)) {
            String label = (number.isEmpty() ? "1" : number) + u.symbol();
            value(number.isEmpty() ? u.symbol() : label, CompletionItemKind.Unit, u.doc(), "Unit of " + kind.doc() + ".");
        }
    }

    private void regions() {
        LinkedHashSet<String> regions = new LinkedHashSet<>();
        if (region != null) regions.add(region);
        regions.addAll(REGIONS);
        int order = 0;
        for (String r : regions) {
            CompletionItem item = value(r, CompletionItemKind.EnumMember, r.equals(region) ? "your carbon region (setting)" : "grid region",
                    "ISO 3166 alpha-3 code of the electricity grid, or WORLD.");
            item.setSortText(String.format("%02d", order++));
        }
    }

    /** The model's layer names; {@code what} says what the line does with one (a format with one %s). */
    private void layers(String what) {
        Optional<String> model = SpecQueries.modelAt(doc, offset);
        if (model.isEmpty()) return;
        for (String layer : estimates.layers(model.get())) {
            CompletionItem item = value("\"" + layer + "\"", CompletionItemKind.Variable, "layer of " + model.get(), String.format(what, layer));
            item.setFilterText(layer);
        }
    }

    /** `layer "NAME" ratio R`: a layer name, then the keyword `ratio`, then a percentage. */
    private void layerRatio() {
        switch (at.valueIndex()) {
            case 0 -> layers("Prune `%s` by its own ratio: `layer \"NAME\" ratio 30%%`.");
            case 1 -> value("ratio", CompletionItemKind.Keyword, "then the fraction removed", "`layer \"NAME\" ratio 30%`");
            default -> quantities(UnitKind.PERCENT);
        }
    }

    private void propertyValues() {
        Optional<PropertyInfo> p = CATALOG.property(at.block(), at.key());
        if (p.isEmpty()) return;
        PropertyInfo info = p.get();
        if (info.type() == ValueType.BOOLEAN || !info.choices().isEmpty()) {
            for (String c : info.choices()) value(c, CompletionItemKind.EnumMember, info.name(), info.doc());
        } else if (info.type() == ValueType.QUANTITY) {
            quantities(info.unitKind());
        } else if (info.type() == ValueType.REGION) {
            regions();
        } else if (info.type() == ValueType.FRACTION) {
            quantities(UnitKind.PERCENT);
        }
    }

    private CompletionItem value(String label, CompletionItemKind kind, String detail, String doc) {
        CompletionItem item = item(label, kind, detail, doc);
        item.setTextEdit(Either.forLeft(new TextEdit(replace, label)));
        items.add(item);
        return item;
    }

    private CompletionItem item(String label, CompletionItemKind kind, String detail, String doc) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        if (doc != null && !doc.isEmpty()) {
            item.setDocumentation(client.markdown() ? Either.forRight(new MarkupContent(MarkupKind.MARKDOWN, doc))
                    : Either.forLeft(doc.replace("`", "").replace("*", "")));
        }
        return item;
    }

    private Optional<Statement> enclosing(String keyword) {
        List<Statement> path = doc.statementsAt(offset);
        for (int i = path.size() - 1; i >= 0; i--) {
            if (path.get(i).name().equals(keyword)) return Optional.of(path.get(i));
        }
        return Optional.empty();
    }

}
