package org.tinytitans.engine.prune;

import java.util.ArrayList;
import java.util.List;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.vit.EncoderConfig;
import org.tinytitans.engine.vit.MultimodalConfig;
import org.tinytitans.engine.vit.TokenPlan;
import org.tinytitans.engine.vit.TokenRule;
import org.tinytitans.engine.vit.VisionCounts;
import org.tinytitans.engine.vit.VisionZoo;
import org.tinytitans.engine.vit.VitConfig;
import org.tinytitans.engine.vit.VitPrune;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.PruneSpec;

/**
 * Estimates of the vision transformers and multimodal models of {@link VisionZoo}, exact from their configs
 * ({@link VisionCounts}): MACs per image, params, and memory as weights plus the largest layer's working set.
 * Structured pruning (neurons, heads, layers) shrinks the encoder as VitPrune does; token pruning changes the MACs
 * per image only, by the tokens the later blocks see.
 */
final class TransformerEstimate {
    private TransformerEstimate() {}

    static boolean covers(String model) {
        return model != null && VisionZoo.shape(model).isPresent();
    }

    static List<Estimate> steps(ExperimentRun run) {
        MultimodalConfig config = VisionZoo.shape(run.model().name()).orElseThrow();
        Counts before = counts(VisionCounts.of(config), config);
        List<Estimate> out = new ArrayList<>();
        TokenPlan plan = null;
        for (PruneSpec p : run.prunes()) {
            if (!(config instanceof VitConfig vit)) {
                throw new IllegalArgumentException(p.granularity() == Granularity.TOKENS && !(config instanceof org.tinytitans.engine.vit.LlavaConfig)
                        ? "prune tokens applies to ViT classifiers, not " + run.model().name()
                        : "no estimate for prune " + p.granularity() + " on " + run.model().name()
                        + (config instanceof org.tinytitans.engine.vit.LlavaConfig ? ": its MACs per question depend on the prompts; the run measures them" : ""));
            }
            if (plan != null) {
                throw new IllegalArgumentException("one prune tokens block per experiment, and it comes last: tokens are reduced after one block");
            }
            Counts after;
            if (p.granularity() == Granularity.TOKENS) {
                plan = plan(p);
                after = counts(VisionCounts.vit(vit, plan), config);
            } else {
                config = vit.withTower(vit.tower().withEncoder(structured(p, vit.tower().encoder())));
                after = counts(VisionCounts.of(config), config);
            }
            out.add(new Estimate(before, after, after, after.params(), null));
        }
        if (out.isEmpty()) {
            out.add(new Estimate(before, before, before, before.params(), null));
        }
        return out;
    }

    /** The encoder after `prune neurons|heads|layers`, with the counts VitPrune removes (same in every block). */
    private static EncoderConfig structured(PruneSpec p, EncoderConfig e) {
        int n = switch (p.granularity()) {
            case LAYERS -> e.layers();
            case HEADS -> e.heads();
            case NEURONS -> e.intermediate();
            default -> throw new IllegalArgumentException("no estimate for prune " + p.granularity() + " on a vision transformer "
                    + "(weights are zeroed in place: the shape and MACs stay)");
        };
        int remove = p.count() != null ? p.count() : VitPrune.removed(p.ratio() == null ? 0 : p.ratio(), n);
        return switch (p.granularity()) {
            case LAYERS -> e.withLayers(n - remove);
            case HEADS -> e.withHeads(n - remove);
            default -> e.withIntermediate(n - remove);
        };
    }

    /** The unpruned model's counts. */
    static java.util.Optional<Counts> model(String model) {
        return VisionZoo.shape(model).map(c -> counts(VisionCounts.of(c), c));
    }

    /** The token plan of a `prune tokens` block. */
    static TokenPlan plan(PruneSpec p) {
        TokenRule rule = TokenRule.of(p.criterion()).orElseThrow(() -> new IllegalArgumentException(
                "criterion '" + p.criterion() + "' does not prune tokens"));
        return rule.plan(p.after(), p.ratio() == null ? 0 : p.ratio(), p.fuse());
    }

    private static Counts counts(VisionCounts v, MultimodalConfig c) {
        double gb = (v.weightBytes() + v.activationBytes()) / (1024.0 * 1024 * 1024);
        int blocks = c instanceof VitConfig vit ? vit.tower().encoder().layers() : 0;
        return new Counts(v.macsPerImage(), v.params(), v.params(), gb, 0, blocks);
    }
}
