package org.tinytitans.server.services;

import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.tinytitans.server.estimates.EstimateService;
import org.tinytitans.server.settings.ClientSupport;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.PropertyInfo;

/**
 * Hover: criterion and metric docs, a property's meaning, range and default, and for a model or a prune
 * block its analytic numbers.
 */
public final class Hover {
    private static final Catalog CATALOG = Catalog.get();

    private Hover() {}

    public static org.eclipse.lsp4j.Hover hover(SpecDocument doc, int offset, EstimateService estimates, ClientSupport client) {
        Token token = doc.tokenAt(offset);
        if (token == null || token.kind() == TokenKind.COMMENT) return null;
        List<Statement> path = doc.statementsAt(offset);
        if (path.isEmpty()) return null;
        Statement stmt = path.get(path.size() - 1);
        String block = path.size() >= 2 ? path.get(path.size() - 2).name() : "";
        String text = stmt.keyword().equals(token) ? keyword(doc, stmt, block, estimates)
                : value(doc, stmt, token, estimates);
        if (text == null) return null;
        MarkupContent content = client.markdown() ? new MarkupContent(MarkupKind.MARKDOWN, text)
                : new MarkupContent(MarkupKind.PLAINTEXT, text.replace("`", "").replace("**", ""));
        return new org.eclipse.lsp4j.Hover(content, Ranges.lsp(token.range()));
    }

    private static String keyword(SpecDocument doc, Statement stmt, String block, EstimateService estimates) {
        String name = stmt.name();
        if (name.equals("prune")) return prune(doc, stmt, estimates);
        if (name.equals("model")) return model(stmt.argument().map(Value::value).orElse(null), estimates);
        Optional<PropertyInfo> p = CATALOG.property(block, name);
        if (p.isPresent()) return property(p.get());
        return CATALOG.block(name).map(b -> "**" + b.name() + "**: " + b.doc() + "\n\n`" + b.example() + "`").orElse(null);
    }

    private static String value(SpecDocument doc, Statement stmt, Token token, EstimateService estimates) {
        String key = stmt.name();
        String v = token.value();
        switch (key) {
            case "criterion":
                return CATALOG.criterion(v).map(c -> "**" + c.title() + "** (`" + c.name() + "`)"
                        + (c.needsData() ? ", needs data" : ", weights only") + "\n\n" + c.doc()
                        + "\n\nFor: " + CATALOG.applies(c.name()) + "\n\nCost: " + c.cost().label()
                        + "\n\n*" + c.reference() + "*").orElse(null);
            case "measure":
            case "expect":
                if (v.equals("drop")) return "`drop`: compare with the unpruned baseline (percentage points for accuracy).";
                return CATALOG.metric(v).map(m -> "**" + m.name() + "**" + (m.unit().isEmpty() ? "" : " (" + m.unit() + ")")
                        + "\n\n" + m.doc() + (m.relative() ? "\n\nA percentage means: of the baseline." : "")).orElse(null);
            case "model":
                return model(v, estimates);
            case "dataset":
                return CATALOG.dataset(v).map(d -> "**" + d.name() + "** (" + d.family() + ")\n\n" + d.doc()
                        + (d.defaultPath().isEmpty() ? "" : "\n\nDefault path: `" + d.defaultPath() + "`")).orElse(null);
            case "prune":
                return prune(doc, stmt, estimates);
            case "target":
                return CATALOG.target(v).map(t -> "**target " + t.name() + "**: " + t.doc()).orElse(null);
            default:
                String block = enclosingBlock(doc, stmt);
                return CATALOG.property(block, key).map(Hover::property).orElse(null);
        }
    }

    private static String enclosingBlock(SpecDocument doc, Statement stmt) {
        List<Statement> path = doc.statementsAt(stmt.keyword().start());
        return path.size() >= 2 ? path.get(path.size() - 2).name() : "";
    }

    static String property(PropertyInfo p) {
        StringBuilder sb = new StringBuilder("**" + p.name() + "**: " + p.doc() + "\n\nValue: " + p.type().doc());
        if (!p.rangeText().isEmpty()) sb.append(", range ").append(p.rangeText());
        if (!p.choices().isEmpty()) sb.append(", one of ").append(String.join(", ", p.choices()));
        if (p.defaultValue() != null) sb.append("\n\nDefault: `").append(p.defaultValue()).append('`');
        if (p.sweepable()) sb.append("\n\nSeveral values separated by ',' declare a sweep.");
        return sb.toString();
    }

    private static String model(String name, EstimateService estimates) {
        if (name == null) return CATALOG.block("model").map(b -> "**model**: " + b.doc()).orElse(null);
        return CATALOG.model(name).map(m -> {
            String s = "**" + m.name() + "** (" + m.family() + ", " + m.defaultDataset() + ")\n\n" + m.doc();
            Optional<EstimateService.Figures> f = estimates.model(name);
            if (f.isPresent()) s += "\n\nAnalytic: " + Estimates.model(f.get());
            return s;
        }).orElse(null);
    }

    private static String prune(SpecDocument doc, Statement prune, EstimateService estimates) {
        String granularity = prune.argument().map(Value::value).orElse(null);
        StringBuilder sb = new StringBuilder();
        CATALOG.granularity(granularity == null ? "" : granularity).ifPresentOrElse(
                g -> sb.append("**prune ").append(g.name()).append("**: removes ").append(g.removes()).append("\n\n").append(g.doc()),
                () -> sb.append("**prune**: ").append(CATALOG.block("prune").orElseThrow().doc()));
        // the first run that applies the block (the first sweep point, the first experiment using a default block)
        ResolvedRuns.of(doc).ofPrune(prune).stream().findFirst().ifPresent(at -> at.figures(estimates).ifPresent(
                e -> sb.append("\n\n").append(Estimates.pruneMarkdown(at.run().model().name(), e))));
        return sb.toString();
    }
}
