package org.tinytitans.engine.lm.prune;

import java.util.ArrayList;
import java.util.List;
import org.tinytitans.engine.lm.model.LmConfig;

/** One shape that pruning changed, for result.json's "layers" list ({"name","kind","before","after"}). */
public record LmChange(String name, String kind, long before, long after) {

    /** What differs between two configs: decoder layers, MLP units per layer, query and key/value heads. */
    public static List<LmChange> between(LmConfig before, LmConfig after) {
        List<LmChange> out = new ArrayList<>();
        add(out, "decoder", "layers", before.layers(), after.layers());
        add(out, "mlp", "neurons", before.intermediate(), after.intermediate());
        add(out, "attention", "heads", before.heads(), after.heads());
        add(out, "attention", "kv-heads", before.kvHeads(), after.kvHeads());
        return out;
    }

    private static void add(List<LmChange> out, String name, String kind, long a, long b) {
        if (a != b) {
            out.add(new LmChange(name, kind, a, b));
        }
    }
}
