package org.tinytitans.language.catalog;

import static org.tinytitans.language.catalog.ModelFamily.CNN;
import static org.tinytitans.language.catalog.ModelFamily.LANGUAGE;
import static org.tinytitans.language.catalog.ModelFamily.RESIDUAL;
import static org.tinytitans.language.catalog.ModelFamily.VIT;
import static org.tinytitans.language.catalog.ModelFamily.VLM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Granularities and criteria, as in prune-language.md's table; docs drawn from the tutorial and papers. METHODS is
 * the one statement of which criterion applies to which granularity and model family; the granularities' criteria
 * and the criteria's granularities are derived from it.
 */
final class Criteria {
    private Criteria() {}

    /** Every method the engine runs, grouped by granularity; within one, criteria in the tutorial's order. */
    static final List<MethodInfo> METHODS = methods(
            on("filters", Set.of(CNN, RESIDUAL), "l1", "random", "rank", "expected-abs", "kl-divergence", "cka", "l2", "taylor", "fpgm"),
            on("layers", Set.of(RESIDUAL), "l1", "random", "rank", "expected-abs", "kl-divergence", "cka"),
            on("layers", Set.of(LANGUAGE), "l1", "random", "block-influence"),
            on("weights", Set.of(CNN, RESIDUAL), "magnitude", "random"),
            on("weights", Set.of(LANGUAGE), "magnitude", "random", "wanda", "sparsegpt"),
            on("neurons", Set.of(LANGUAGE), "random", "magnitude", "wanda", "taylor"),
            on("heads", Set.of(LANGUAGE), "random", "magnitude", "taylor"),
            on("tokens", Set.of(VIT), "cls-attention", "similarity"),
            on("neurons", Set.of(VIT), "random", "magnitude"),
            on("heads", Set.of(VIT), "random", "magnitude"),
            on("layers", Set.of(VIT), "l1", "random"),
            on("weights", Set.of(VIT), "magnitude"),

            // a vision-language model's decoder is pruned by the language model's pruners (weights-only criteria)
            on("layers", Set.of(VLM), "l1", "random"),
            on("weights", Set.of(VLM), "magnitude", "random"),
            on("neurons", Set.of(VLM), "random", "magnitude"),
            on("heads", Set.of(VLM), "random", "magnitude"),
            on("tokens", Set.of(VLM), "attention-received"));

    static final List<GranularityInfo> GRANULARITIES = List.of(
            g("filters", "output filters of convolutions, physically (the next layer loses the matching inputs)",
                    "On a CIFAR ResNet, the first 3x3 conv of every residual block loses round(ratio * n) filters, exactly as the tutorial's rebuild_filters; the block's output width stays."),
            g("layers", "whole residual blocks or transformer layers",
                    "A removed block becomes its shortcut. On CIFAR ResNets the first block of stage 1 and the downsampling blocks are never removed, and every stage keeps at least 2 blocks (as the tutorial). On a vision transformer whole encoder blocks are removed and the rest renumbered; at least one stays."),
            g("weights", "single weights, zeroed (unstructured), or N:M patterns with `pattern 2:4`",
                    "Weights are zeroed in place; shapes do not change, so FLOPs and latency only improve with sparse kernels. Sparsity is reported."),
            g("neurons", "MLP hidden units of transformer layers (rows of up/gate, columns of down)",
                    "Removes hidden units of every transformer MLP, shrinking the up/gate projections' rows and the down projection's columns. On a vision transformer (one MLP width for every block) each encoder block loses the same number of units, its own lowest-scored ones."),
            g("heads", "attention heads",
                    "Removes whole attention heads: their rows of the Q, K and V projections and columns of the output projection. On a vision transformer each encoder block loses the same number of heads (its own lowest-scored ones); magnitude is the norm of a head's slice of the output projection."),
            g("tokens", "tokens after a given block (`after K`): patch tokens of a vision transformer, visual tokens of a vision-language model; `ratio` of them stop going through the later blocks",
                    "Nothing is removed from the weights: every input runs all tokens through blocks 1..K, then only the kept (or merged) tokens through blocks K+1 to the last, so the FLOPs saved grow with the number of tokens (attention is quadratic in them). `ratio` is the fraction of tokens removed, `after K` the block after which it happens (1 to the model's blocks - 1). Vision transformers: encoder blocks, the CLS token always kept, `fuse true` (cls-attention only) merges the dropped tokens into one extra token. Vision-language models: decoder layers, only the image's tokens are dropped (FastV), the text tokens all stay."));

    private record Row(String granularity, Set<ModelFamily> families, List<String> criteria) {}

    private static Row on(String granularity, Set<ModelFamily> families, String... criteria) {
        return new Row(granularity, families, List.of(criteria));
    }

    /** One entry per (granularity, family, criterion), families in enum order. */
    private static List<MethodInfo> methods(Row... rows) {
        List<MethodInfo> out = new ArrayList<>();
        for (Row r : rows) {
            for (String c : r.criteria()) {
                Arrays.stream(ModelFamily.values()).filter(r.families()::contains)
                        .forEach(f -> out.add(new MethodInfo(r.granularity(), f, c)));
            }
        }
        return List.copyOf(out);
    }

    private static GranularityInfo g(String name, String removes, String doc) {
        Set<String> criteria = new LinkedHashSet<>();
        Set<ModelFamily> families = new LinkedHashSet<>();
        METHODS.stream().filter(m -> m.granularity().equals(name)).forEach(m -> criteria.add(m.criterion()));
        Arrays.stream(ModelFamily.values())
                .filter(f -> METHODS.stream().anyMatch(m -> m.granularity().equals(name) && m.family() == f))
                .forEach(families::add);
        return new GranularityInfo(name, removes, List.copyOf(criteria), List.copyOf(families), doc);
    }

    private static CriterionInfo c(String name, String title, Cost cost, String doc, String ref) {
        List<String> grans = GRANULARITIES.stream().map(GranularityInfo::name)
                .filter(g -> METHODS.stream().anyMatch(m -> m.granularity().equals(g) && m.criterion().equals(name))).toList();
        return new CriterionInfo(name, title, cost, grans, doc, ref);
    }

    static final List<CriterionInfo> ALL = List.of(
            c("l1", "L1 norm", Cost.NO_DATA,
                    "Sum of absolute weights of each filter (bias excluded); small-norm filters contribute little and go first. For residual blocks, the mean filter L1 of the block's convs; for transformer layers, the mean |w| of the layer's matrices. Weights only, no data.",
                    "Li et al., Pruning Filters for Efficient ConvNets, ICLR 2017"),
            c("random", "Random", Cost.NO_DATA,
                    "Uniform random scores: the baseline every criterion must beat. Reproducible with `seed`.",
                    "tutorial (np.random.rand)"),
            c("rank", "HRank (feature-map rank)", Cost.FORWARD,
                    "Mean matrix rank of each channel's feature map after the ReLU, over a sample of images; low-rank maps carry little information. Needs data (the tutorial uses 500 images per class).",
                    "Lin et al., HRank: Filter Pruning using High-Rank Feature Map, CVPR 2020"),
            c("expected-abs", "Expected absolute activation", Cost.FORWARD,
                    "Mean |activation| of each channel at the post-BN ReLU over the data; channels that rarely fire are removed. The tutorial runs it over the full train set.",
                    "Tan and Motani, DropNet, ICML 2020"),
            c("kl-divergence", "KL divergence of outputs", Cost.PER_STRUCTURE,
                    "Zero the filter (or a block's residual branch) and measure KL(q||p) between the network's softmax outputs with and without it; a small divergence means the structure is not needed. Costs a pass of the network from the filter's layer on for every filter and sample (several filters are stacked into one pass).",
                    "Luo and Wu, Neural Network Pruning with Residual-Connections and Limited-Data (CURL), CVPR 2020"),
            c("cka", "CKA similarity", Cost.PER_STRUCTURE,
                    "Zero the filter (or block) and score 1 - linear CKA between the penultimate features with and without it; structures whose removal keeps the representation are removed first. Costs as kl-divergence does.",
                    "Pons et al., Effective Layer Pruning Through Similarity Metric Perspective, ICPR 2024; Kornblith et al., ICML 2019"),
            c("l2", "L2 norm", Cost.NO_DATA,
                    "Euclidean norm of each filter's weights; like l1 but penalises large single weights more.",
                    "Li et al., ICLR 2017; He et al., Soft Filter Pruning, IJCAI 2018"),
            c("taylor", "First-order Taylor", Cost.BACKWARD,
                    "|activation x gradient| summed over the data: the first-order estimate of the loss change when the structure is removed. Needs data and a backward pass.",
                    "Molchanov et al., Importance Estimation for Neural Network Pruning, CVPR 2019"),
            c("fpgm", "Geometric median", Cost.NO_DATA,
                    "Filters closest to the geometric median of their layer's filters are the most replaceable by the others and go first. Weights only.",
                    "He et al., Filter Pruning via Geometric Median, CVPR 2019"),
            c("block-influence", "Block influence (angular distance)", Cost.FORWARD,
                    "1 - cosine similarity between a layer's input and output hidden states over the data: layers that barely change the residual stream are removed first. For transformers.",
                    "Men et al., ShortGPT: Layers in Large Language Models are More Redundant Than You Expect, 2024"),
            c("magnitude", "Magnitude", Cost.NO_DATA,
                    "|w| for single weights; for neurons and heads, the norm of their weights. The classic unstructured baseline.",
                    "Han et al., Learning both Weights and Connections, NeurIPS 2015"),
            c("wanda", "Wanda (weights x activations)", Cost.FORWARD,
                    "|w| times the L2 norm of the matching input activation over calibration data, compared per output row; no retraining needed.",
                    "Sun et al., A Simple and Effective Pruning Approach for LLMs (Wanda), ICLR 2024"),
            c("cls-attention", "CLS attention (EViT)", Cost.AT_INFERENCE,
                    "Per image, at run time: the CLS token's attention to each patch token in block K, averaged over heads; the least attended patches are dropped for the remaining blocks. With `fuse true` they are merged into one token, their average weighted by that attention (EViT's inattentive-token fusion). No training, no calibration: it reads the image being classified.",
                    "Liang et al., Not All Patches Are What You Need: Expediting Vision Transformers via Token Reorganizations (EViT), ICLR 2022"),
            c("similarity", "Token similarity (ToMe)", Cost.AT_INFERENCE,
                    "Per image, at run time: bipartite soft matching after block K: patch tokens alternate into two sets, each token of the first set finds its most similar token of the second (cosine similarity of their attention keys, averaged over heads), and the ratio x patches most similar pairs are merged by averaging. Applied once after block K, not in every block as ToMe does.",
                    "Bolya et al., Token Merging: Your ViT But Faster (ToMe), ICLR 2023"),
            c("sparsegpt", "SparseGPT", Cost.SECOND_ORDER,
                    "Layer-wise second-order pruning: removes weights with the smallest saliency w^2/[H^-1]_ii and updates the remaining weights to compensate, using calibration data.",
                    "Frantar and Alistarh, SparseGPT, ICML 2023"),
            c("attention-received", "Attention received (FastV)", Cost.NO_DATA,
                    "The attention each image token receives in decoder layer `after K` from the prompt's text after the image, averaged over heads; the image tokens that receive the least are dropped for the remaining layers and the rest keep their positions. Computed on each question as it is answered: no calibration data.",
                    "Chen et al., An Image is Worth 1/2 Tokens After Layer 2 (FastV), ECCV 2024"));
}
