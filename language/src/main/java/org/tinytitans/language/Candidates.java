package org.tinytitans.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tinytitans.language.catalog.BlockInfo;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.CriterionInfo;
import org.tinytitans.language.catalog.DatasetInfo;
import org.tinytitans.language.catalog.GranularityInfo;
import org.tinytitans.language.catalog.MetricInfo;
import org.tinytitans.language.catalog.ModelInfo;
import org.tinytitans.language.catalog.PropertyInfo;
import org.tinytitans.language.catalog.TargetInfo;

/**
 * What may be typed where, from the catalog: the language-side half of completion. The editor
 * filters by {@link Expectation#prefix()} and replaces {@link Expectation#replaceRange()}.
 */
public final class Candidates {
    private static final Catalog C = Catalog.get();

    private Candidates() {}

    public static List<Candidate> at(SpecDocument doc, int offset) {
        return of(doc.expectedAt(offset));
    }

    public static List<Candidate> of(Expectation e) {
        return switch (e.kind()) {
            case NONE -> List.of();
            case KEYWORD -> keywords(e);
            case VALUE -> values(e);
        };
    }

    private static List<Candidate> keywords(Expectation e) {
        List<Candidate> out = new ArrayList<>();
        String block = e.block();
        if (block.isEmpty() || block.equals("experiment")) {
            for (BlockInfo b : C.blocks()) {
                if (b.name().equals("experiment") && !block.isEmpty()) continue;
                out.add(new Candidate(b.name(), "block", b.example(), b.doc()));
            }
            C.properties("experiment").forEach(p -> out.add(property(p)));
            return out;
        }
        Optional<TargetInfo> target = block.equals("target") && e.blockArgument() != null ? C.target(e.blockArgument()) : Optional.empty();
        for (PropertyInfo p : C.properties(block)) {
            if (target.isPresent() && !target.get().properties().contains(p.name())) continue;
            out.add(property(p));
        }
        return out;
    }

    private static Candidate property(PropertyInfo p) {
        String detail = p.type().name().toLowerCase() + (p.rangeText().isEmpty() ? "" : " " + p.rangeText())
                + (p.defaultValue() == null ? "" : ", default " + p.defaultValue());
        return new Candidate(p.name(), "property", detail, p.doc());
    }

    private static List<Candidate> values(Expectation e) {
        List<Candidate> out = new ArrayList<>();
        String key = e.key();
        String block = e.block();
        boolean experimentLevel = block.isEmpty() || block.equals("experiment");
        if (experimentLevel) {
            switch (key) {
                case "model" -> {
                    if (e.valueIndex() == 0) for (ModelInfo m : C.models()) out.add(new Candidate(m.name(), "model", m.family() + ", " + m.defaultDataset(), m.doc()));
                    return out;
                }
                case "dataset" -> {
                    if (e.valueIndex() == 0) for (DatasetInfo d : C.datasets()) out.add(new Candidate(d.name(), "dataset", d.family(), d.doc()));
                    return out;
                }
                case "prune" -> {
                    if (e.valueIndex() == 0) for (GranularityInfo g : C.granularities()) out.add(new Candidate(g.name(), "granularity", g.removes(), g.doc()));
                    return out;
                }
                case "target" -> {
                    if (e.valueIndex() == 0) for (TargetInfo t : C.targets()) out.add(new Candidate(t.name(), "target", t.argument(), t.doc()));
                    return out;
                }
                case "export" -> {
                    if (e.valueIndex() == 0) C.exportFormats().forEach(f -> out.add(new Candidate(f.name(), "value", f.file(), f.doc())));
                    return out;
                }
                case "measure" -> {
                    for (MetricInfo m : C.metrics()) {
                        if (!e.previousValues().contains(m.name())) out.add(metric(m));
                    }
                    return out;
                }
                case "expect" -> {
                    return expect(e);
                }
                default -> {
                    return C.property("experiment", key).map(Candidates::choices).orElse(List.of());
                }
            }
        }
        if (block.equals("prune") && key.equals("criterion")) {
            List<CriterionInfo> criteria = e.blockArgument() != null && C.granularity(e.blockArgument()).isPresent()
                    ? C.criteria(e.blockArgument()) : C.criteria();
            for (CriterionInfo c : criteria) {
                if (e.previousValues().contains(c.name())) continue;
                out.add(new Candidate(c.name(), "criterion", c.title() + (c.needsData() ? " (needs data)" : ""), c.doc() + "\n\n" + c.reference()));
            }
            return out;
        }
        return C.property(block, key).map(Candidates::choices).orElse(List.of());
    }

    private static Candidate metric(MetricInfo m) {
        return new Candidate(m.name(), "metric", m.unitKind().label(), m.doc());
    }

    private static List<Candidate> expect(Expectation e) {
        List<Candidate> out = new ArrayList<>();
        List<String> prev = e.previousValues();
        if (prev.isEmpty()) {
            C.metrics().forEach(m -> out.add(metric(m)));
        } else if (prev.size() == 1 || (prev.size() == 2 && prev.get(1).equals("drop"))) {
            if (prev.size() == 1) out.add(new Candidate("drop", "value", "compare with the baseline", "`drop` compares with the unpruned baseline: `expect accuracy drop <= 2%`."));
            for (String op : C.operators()) out.add(new Candidate(op, "operator", "", ""));
        }
        return out;
    }

    private static List<Candidate> choices(PropertyInfo p) {
        List<Candidate> out = new ArrayList<>();
        for (String choice : p.choices()) out.add(new Candidate(choice, "value", p.name(), p.doc()));
        if (p.type() == org.tinytitans.language.catalog.ValueType.REGION) {
            for (String r : List.of("WORLD", "BRA", "USA", "FRA", "DEU", "GBR", "IND", "CHN", "CAN", "SWE", "NOR")) {
                out.add(new Candidate(r, "value", "region", p.doc()));
            }
        }
        if (out.isEmpty() && p.defaultValue() != null) out.add(new Candidate(p.defaultValue(), "value", "default", p.doc()));
        return out;
    }
}
