package org.tinytitans.language;

import java.util.List;
import java.util.Optional;
import org.tinytitans.language.ast.Range;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.PropertyInfo;

/** Markdown describing the word under an offset, from the catalog: keywords, properties and values. */
public final class Hover {
    private static final Catalog C = Catalog.get();

    private Hover() {}

    /** The hover text and the range of the word it describes; empty over whitespace, strings and comments. */
    public record Result(String markdown, Range range) {}

    public static Optional<Result> at(SpecDocument doc, int offset) {
        Token t = doc.tokenAt(offset);
        if (t == null || (t.kind() != TokenKind.NAME && t.kind() != TokenKind.NUMBER)) return Optional.empty();
        List<Statement> path = doc.statementsAt(offset);
        if (path.isEmpty()) return Optional.empty();
        Statement s = path.get(path.size() - 1);
        String parent = path.size() >= 2 ? path.get(path.size() - 2).name() : "";
        String word = t.text();
        Optional<String> text;
        if (t.kind() == TokenKind.NUMBER) {
            text = org.tinytitans.language.catalog.Quantity.parse(word).filter(q -> q.hasUnit())
                    .flatMap(q -> C.unit(q.unit()).map(u -> "`" + word + "`: " + q.value() + " " + u.doc()
                            + " (" + u.kind().label() + ")"));
        } else if (s.keyword().equals(t)) {
            text = keyword(parent, word);
        } else {
            text = value(s, parent, word);
        }
        return text.map(m -> new Result(m, t.range()));
    }

    private static Optional<String> keyword(String parent, String word) {
        if (parent.isEmpty() || parent.equals("experiment")) {
            Optional<String> block = C.block(word).map(b -> "**" + b.name() + "**: " + b.doc() + "\n\n```\n" + b.example() + "\n```");
            if (block.isPresent()) return block;
            return C.property("experiment", word).map(Hover::property);
        }
        return C.property(parent, word).map(Hover::property);
    }

    private static String property(PropertyInfo p) {
        StringBuilder sb = new StringBuilder("**" + p.name() + "** (" + p.type().doc());
        if (!p.rangeText().isEmpty()) sb.append(", ").append(p.rangeText());
        if (p.defaultValue() != null) sb.append(", default `").append(p.defaultValue()).append('`');
        return sb.append(")\n\n").append(p.doc()).toString();
    }

    private static Optional<String> value(Statement s, String parent, String word) {
        switch (s.name()) {
            case "model":
                return C.model(word).map(m -> "**" + m.name() + "** (" + m.family() + ", " + m.defaultDataset() + "): " + m.doc());
            case "dataset":
                return C.dataset(word).map(d -> "**" + d.name() + "** (" + d.family() + "): " + d.doc());
            case "prune":
                return C.granularity(word).map(g -> "**prune " + g.name() + "** removes " + g.removes() + ". " + g.doc()
                        + "\n\nCriteria: " + String.join(", ", g.criteria()));
            case "target":
                return C.target(word).map(t -> "**target " + t.name() + "**: " + t.doc());
            case "export":
                return C.exportFormat(word).map(f -> "**export " + f.name() + "** (writes `" + f.file() + "`): " + f.doc());
            case "measure", "expect":
                return C.metric(word).map(m -> "**" + m.name() + "** (" + m.unitKind().label() + (m.lowerIsBetter() ? ", lower is better" : ", higher is better")
                        + "): " + m.doc());
            case "criterion":
                return C.criterion(word).map(c -> "**" + c.title() + "** (`" + c.name() + "`; " + String.join(", ", c.granularities())
                        + (c.needsData() ? "; needs data" : "; no data") + ")\n\n" + c.doc() + "\n\n" + c.reference());
            default:
                return Optional.empty();
        }
    }
}
