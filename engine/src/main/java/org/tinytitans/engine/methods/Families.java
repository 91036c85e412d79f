package org.tinytitans.engine.methods;

import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.prune.LayerPlanner;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.ModelFamily;
import org.tinytitans.language.catalog.ModelInfo;

/** The family of a loaded vision model: the catalog's for a zoo name, else what its graph shows. */
public final class Families {
    private Families() {}

    /** RESIDUAL when the graph has residual blocks that layer pruning may remove, else CNN. */
    public static ModelFamily of(Graph graph) {
        return LayerPlanner.candidates(graph).isEmpty() ? ModelFamily.CNN : ModelFamily.RESIDUAL;
    }

    /** For a spec's model: the zoo entry's family when the catalog knows the name (what `check` used), else the graph's. */
    public static ModelFamily of(String modelName, Graph graph) {
        return Catalog.get().model(modelName).map(ModelInfo::modelFamily).orElseGet(() -> of(graph));
    }
}
