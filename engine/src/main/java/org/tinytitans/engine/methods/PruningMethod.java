package org.tinytitans.engine.methods;

import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.CriterionInfo;
import org.tinytitans.language.catalog.MethodInfo;

/**
 * One way the engine prunes: a criterion at a granularity on a model family, bound to the code that runs it.
 * Vision filters and layers are scored by a {@link org.tinytitans.engine.criteria.Criterion}, vision weights by a
 * weight rule, every language-model granularity (a vision-language model's decoder included) by an
 * {@link org.tinytitans.engine.lm.prune.LmCriterion}, a vision transformer's tokens by a
 * {@link org.tinytitans.engine.vit.TokenRule}, and a vision-language model's visual tokens at run time
 * ({@link VisualTokens}); the experiments dispatch on these five shapes only.
 */
public sealed interface PruningMethod permits VisionScoring, VisionWeights, LanguagePruning, TokenPruning, VisualTokens, VitStructure {

    /** The catalog's key: granularity, family and criterion name. */
    MethodInfo info();

    /** Whether the method reads samples (images or calibration text), as its implementation says. */
    boolean needsData();

    /** The criterion's docs, reference and cost class, as the catalog states them. */
    default CriterionInfo doc() {
        return Catalog.get().criterion(info().criterion()).orElseThrow();
    }
}
