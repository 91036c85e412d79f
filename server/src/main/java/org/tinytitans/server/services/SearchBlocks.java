package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.ast.Value;

/**
 * The prune blocks of a spec whose ratio is left to the search ({@code ratio auto}, issue 18), found on the generic
 * syntax tree (keyword and values), so they are found whatever the catalog says of {@code auto}. {@code index} is
 * the block's place among its experiment's prune blocks, as the result's {@code plan[].block} counts them.
 */
public record SearchBlocks(Statement experiment, String experimentName, Statement prune, int index, Statement ratio) {

    public static List<SearchBlocks> of(SpecDocument doc) {
        List<SearchBlocks> out = new ArrayList<>();
        for (Statement e : doc.root().experiments()) {
            String name = e.argument().map(Value::value).orElse(null);
            int index = 0;
            for (Statement s : e.children()) {
                if (!s.name().equals("prune")) continue;
                Optional<Statement> auto = s.children().stream().filter(c -> c.name().equals("ratio")
                        && c.values().stream().anyMatch(v -> v.text().equals("auto"))).findFirst();
                if (auto.isPresent()) out.add(new SearchBlocks(e, name, s, index, auto.get()));
                index++;
            }
        }
        return out;
    }

    /** The block's granularity as written ("filters", "layers"), or null. */
    public String granularity() {
        return prune.argument().map(Value::value).orElse(null);
    }
}
