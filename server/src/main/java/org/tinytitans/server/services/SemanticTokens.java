package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Token;
import org.tinytitans.language.ast.TokenKind;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;
import org.tinytitans.language.catalog.Catalog;

/** Semantic tokens from the tree: blocks vs properties, experiment and model names, catalog names, literals. */
public final class SemanticTokens {
    public static final List<String> TYPES = List.of("keyword", "property", "namespace", "class", "enumMember",
            "string", "number", "operator", "comment");
    public static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, List.of());

    private SemanticTokens() {}

    /** The LSP encoding: per token deltaLine, deltaStart, length, type, modifiers. */
    public static List<Integer> encode(SpecDocument doc) {
        Map<Integer, Object[]> byOffset = new TreeMap<>();
        for (Statement s : SpecQueries.all(doc)) {
            boolean block = Catalog.get().block(s.name()).isPresent();
            put(byOffset, s.keyword(), block ? "keyword" : "property");
            for (int i = 0; i < s.values().size(); i++) {
                Value v = s.values().get(i);
                put(byOffset, v.token(), valueType(s, i, v));
            }
        }
        for (Token t : doc.tokens()) {
            if (t.kind() == TokenKind.COMMENT) put(byOffset, t, "comment");
        }
        List<Integer> out = new ArrayList<>();
        int line = 0;
        int col = 0;
        for (Object[] e : byOffset.values()) {
            Token t = (Token) e[0];
            int tl = t.range().start().line();
            int tc = t.range().start().column();
            int length = t.range().end().line() == tl ? t.end() - t.start() : t.text().indexOf('\n');
            if (length <= 0) continue;
            out.add(tl - line);
            out.add(tl == line ? tc - col : tc);
            out.add(length);
            out.add(TYPES.indexOf((String) e[1]));
            out.add(0);
            line = tl;
            col = tc;
        }
        return out;
    }

    private static String valueType(Statement s, int index, Value v) {
        return switch (v.kind()) {
            case STRING -> "string";
            case NUMBER, PATTERN -> "number";
            case OP -> "operator";
            case NAME -> index == 0 && s.name().equals("experiment") ? "namespace"
                    : index == 0 && s.name().equals("model") ? "class"
                    : v.text().equals("drop") ? "keyword" : "enumMember";
            default -> null;
        };
    }

    private static void put(Map<Integer, Object[]> map, Token t, String type) {
        if (type != null) map.put(t.start(), new Object[] {t, type});
    }
}
