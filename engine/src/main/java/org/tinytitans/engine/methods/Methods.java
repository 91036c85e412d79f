package org.tinytitans.engine.methods;

import static org.tinytitans.language.catalog.ModelFamily.CNN;
import static org.tinytitans.language.catalog.ModelFamily.LANGUAGE;
import static org.tinytitans.language.catalog.ModelFamily.VLM;
import static org.tinytitans.language.catalog.ModelFamily.RESIDUAL;
import static org.tinytitans.language.catalog.ModelFamily.VIT;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.tinytitans.engine.criteria.Criteria;
import org.tinytitans.engine.criteria.Criterion;
import org.tinytitans.engine.criteria.Level;
import org.tinytitans.engine.lm.prune.LmCriterion;
import org.tinytitans.engine.prune.WeightPruning;
import org.tinytitans.engine.vit.TokenRule;
import org.tinytitans.engine.vit.VitPrune;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.MethodInfo;
import org.tinytitans.language.catalog.ModelFamily;

/**
 * The registry of what the engine runs: every (granularity, model family, criterion) bound to its implementation.
 * It states, from the engine's side, what the catalog states for the language (Catalog.methods()); a test fails
 * on any difference, so a spec that checks clean never fails at run time for a method the engine lacks.
 */
public final class Methods {
    private static final List<PruningMethod> ALL = build();

    private Methods() {}

    private static List<PruningMethod> build() {
        List<PruningMethod> out = new ArrayList<>();
        // Filters of any vision CNN (plain or residual): the criteria score each prunable conv's filters.
        for (ModelFamily f : List.of(CNN, RESIDUAL)) {
            scored(out, "filters", f, "l1", () -> Criteria.l1(Level.FILTER));
            scored(out, "filters", f, "random", () -> Criteria.random(Level.FILTER));
            scored(out, "filters", f, "rank", () -> Criteria.rank(Level.FILTER));
            scored(out, "filters", f, "expected-abs", () -> Criteria.expectedAbs(Level.FILTER));
            scored(out, "filters", f, "kl-divergence", () -> Criteria.klDivergence(Level.FILTER));
            scored(out, "filters", f, "cka", () -> Criteria.cka(Level.FILTER));
            scored(out, "filters", f, "l2", Criteria::l2);
            scored(out, "filters", f, "taylor", Criteria::taylor);
            scored(out, "filters", f, "fpgm", Criteria::fpgm);
            out.add(new VisionWeights(new MethodInfo("weights", f, "magnitude"), WeightPruning.Rule.MAGNITUDE));
            out.add(new VisionWeights(new MethodInfo("weights", f, "random"), WeightPruning.Rule.RANDOM));
        }
        // Layers of a vision model are residual blocks (a removed one becomes its shortcut): a plain CNN has none.
        scored(out, "layers", RESIDUAL, "l1", () -> Criteria.l1(Level.LAYER));
        scored(out, "layers", RESIDUAL, "random", () -> Criteria.random(Level.LAYER));
        scored(out, "layers", RESIDUAL, "rank", () -> Criteria.rank(Level.LAYER));
        scored(out, "layers", RESIDUAL, "expected-abs", () -> Criteria.expectedAbs(Level.LAYER));
        scored(out, "layers", RESIDUAL, "kl-divergence", () -> Criteria.klDivergence(Level.LAYER));
        scored(out, "layers", RESIDUAL, "cka", () -> Criteria.cka(Level.LAYER));
        // Language models: the pruners of org.tinytitans.engine.lm.
        lm(out, "layers", "l1", LmCriterion.MAGNITUDE);
        lm(out, "layers", "random", LmCriterion.RANDOM);
        lm(out, "layers", "block-influence", LmCriterion.BLOCK_INFLUENCE);
        lm(out, "weights", "magnitude", LmCriterion.MAGNITUDE);
        lm(out, "weights", "random", LmCriterion.RANDOM);
        lm(out, "weights", "wanda", LmCriterion.WANDA);
        lm(out, "weights", "sparsegpt", LmCriterion.SPARSEGPT);
        lm(out, "neurons", "random", LmCriterion.RANDOM);
        lm(out, "neurons", "magnitude", LmCriterion.MAGNITUDE);
        lm(out, "neurons", "wanda", LmCriterion.WANDA);
        lm(out, "neurons", "taylor", LmCriterion.TAYLOR);
        lm(out, "heads", "random", LmCriterion.RANDOM);
        lm(out, "heads", "magnitude", LmCriterion.MAGNITUDE);
        lm(out, "heads", "taylor", LmCriterion.TAYLOR);
        // Vision transformers: tokens are kept (EViT) or merged (ToMe) per image after a block.
        for (TokenRule r : TokenRule.values()) {
            out.add(new TokenPruning(new MethodInfo("tokens", VIT, r.criterion()), r));
        }
        // ... and their MLP hidden units, attention heads and encoder blocks are removed physically (VitPrune), weights alone.
        out.add(new VitStructure(new MethodInfo("neurons", VIT, "random"), VitPrune.Score.RANDOM));
        out.add(new VitStructure(new MethodInfo("neurons", VIT, "magnitude"), VitPrune.Score.MAGNITUDE));
        out.add(new VitStructure(new MethodInfo("heads", VIT, "random"), VitPrune.Score.RANDOM));
        out.add(new VitStructure(new MethodInfo("heads", VIT, "magnitude"), VitPrune.Score.MAGNITUDE));
        out.add(new VitStructure(new MethodInfo("layers", VIT, "l1"), VitPrune.Score.MAGNITUDE));
        out.add(new VitStructure(new MethodInfo("layers", VIT, "random"), VitPrune.Score.RANDOM));
        out.add(new VitStructure(new MethodInfo("weights", VIT, "magnitude"), VitPrune.Score.MAGNITUDE));
        // Vision-language models: the decoder through the same pruners (weights-only criteria), and visual tokens.
        lm(out, VLM, "layers", "l1", LmCriterion.MAGNITUDE);
        lm(out, VLM, "layers", "random", LmCriterion.RANDOM);
        lm(out, VLM, "weights", "magnitude", LmCriterion.MAGNITUDE);
        lm(out, VLM, "weights", "random", LmCriterion.RANDOM);
        lm(out, VLM, "neurons", "random", LmCriterion.RANDOM);
        lm(out, VLM, "neurons", "magnitude", LmCriterion.MAGNITUDE);
        lm(out, VLM, "heads", "random", LmCriterion.RANDOM);
        lm(out, VLM, "heads", "magnitude", LmCriterion.MAGNITUDE);
        out.add(new VisualTokens(new MethodInfo("tokens", VLM, "attention-received")));
        return List.copyOf(out);
    }

    private static void scored(List<PruningMethod> out, String granularity, ModelFamily family, String criterion,
                               Supplier<Criterion> make) {
        out.add(new VisionScoring(new MethodInfo(granularity, family, criterion), make));
    }

    private static void lm(List<PruningMethod> out, String granularity, String criterion, LmCriterion how) {
        lm(out, LANGUAGE, granularity, criterion, how);
    }

    private static void lm(List<PruningMethod> out, ModelFamily family, String granularity, String criterion, LmCriterion how) {
        out.add(new LanguagePruning(new MethodInfo(granularity, family, criterion), how));
    }

    /** Every method, vision first. */
    public static List<PruningMethod> all() {
        return ALL;
    }

    public static Optional<PruningMethod> find(String granularity, ModelFamily family, String criterion) {
        MethodInfo key = new MethodInfo(granularity, family, criterion);
        return ALL.stream().filter(m -> m.info().equals(key)).findFirst();
    }

    /**
     * The method for a prune block on a model, or an IllegalArgumentException worded as the checker words it:
     * what the granularity or criterion needs and, for a criterion, the ones this model can use.
     */
    public static PruningMethod require(String granularity, ModelFamily family, String criterion, String model) {
        return find(granularity, family, criterion).orElseThrow(() -> new IllegalArgumentException(
                Catalog.get().mismatch(granularity, family, criterion, model)));
    }

    /** The implementation of a catalog entry (for tests and tools that walk the catalog). */
    public static PruningMethod of(MethodInfo info) {
        return find(info.granularity(), info.family(), info.criterion())
                .orElseThrow(() -> new IllegalArgumentException("the engine has no method " + info));
    }
}
