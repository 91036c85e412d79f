package org.tinytitans.language;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;

/** Experiments and their blocks, for document symbols. Plain properties are left out. */
public final class Outline {
    private Outline() {}

    public static List<OutlineNode> of(SpecDocument doc) {
        List<OutlineNode> out = new ArrayList<>();
        for (Statement s : doc.root().statements()) {
            OutlineNode n = node(s, true);
            if (n != null) out.add(n);
        }
        return out;
    }

    /** The values as the formatter would write them. */
    private static String values(Statement s) {
        StringBuilder sb = new StringBuilder();
        for (Value v : s.values()) {
            if (sb.length() > 0) sb.append(v.afterComma() ? ", " : " ");
            sb.append(v.text());
        }
        return sb.toString();
    }

    private static OutlineNode node(Statement s, boolean topLevel) {
        String kind = s.name();
        boolean isBlock = s.hasBody() || List.of("model", "dataset", "prune", "target", "measure", "expect",
                "experiment", "finetune", "latency", "energy").contains(kind);
        if (!isBlock) return null;
        List<OutlineNode> children = new ArrayList<>();
        if (kind.equals("experiment")) {
            for (Statement c : s.children()) {
                OutlineNode n = node(c, false);
                if (n != null) children.add(n);
            }
        }
        String arg = s.argument().map(Value::value).orElse("");
        String name = switch (kind) {
            case "experiment" -> arg.isEmpty() ? "experiment" : arg;
            case "measure", "expect" -> kind + " " + values(s);
            default -> arg.isEmpty() ? kind : kind + " " + arg;
        };
        String detail = s.children().stream()
                .filter(c -> c.name().equals("criterion") || c.name().equals("ratio") || c.name().equals("count")
                        || c.name().equals("weights") || c.name().equals("path"))
                .flatMap(c -> c.values().stream()).map(Value::text).collect(Collectors.joining(" "));
        return new OutlineNode(name.strip(), kind, detail, s.range(), s.headRange(), children);
    }
}
