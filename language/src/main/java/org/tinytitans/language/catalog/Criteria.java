package org.tinytitans.language.catalog;

import java.util.List;

/** Granularities and criteria, as in prune-language.md's table; docs drawn from the tutorial and papers. */
final class Criteria {
    private Criteria() {}

    static final List<GranularityInfo> GRANULARITIES = List.of(
            new GranularityInfo("filters", "output filters of convolutions, physically (the next layer loses the matching inputs)",
                    List.of("l1", "random", "rank", "expected-abs", "kl-divergence", "cka", "l2", "taylor", "fpgm"), "vision",
                    "On a CIFAR ResNet, the first 3x3 conv of every residual block loses round(ratio * n) filters, exactly as the tutorial's rebuild_filters; the block's output width stays."),
            new GranularityInfo("layers", "whole residual blocks or transformer layers",
                    List.of("l1", "random", "rank", "expected-abs", "kl-divergence", "cka", "block-influence"), "any",
                    "A removed block becomes its shortcut. On CIFAR ResNets the first block of stage 1 and the downsampling blocks are never removed, and every stage keeps at least 2 blocks (as the tutorial)."),
            new GranularityInfo("weights", "single weights, zeroed (unstructured), or N:M patterns with `pattern 2:4`",
                    List.of("magnitude", "random", "wanda", "sparsegpt"), "any",
                    "Weights are zeroed in place; shapes do not change, so FLOPs and latency only improve with sparse kernels. Sparsity is reported."),
            new GranularityInfo("neurons", "MLP hidden units of transformer layers (rows of up/gate, columns of down)",
                    List.of("random", "magnitude", "wanda", "taylor"), "language",
                    "Removes hidden units of every transformer MLP, shrinking the up/gate projections' rows and the down projection's columns."),
            new GranularityInfo("heads", "attention heads",
                    List.of("random", "magnitude", "taylor"), "language",
                    "Removes whole attention heads: their rows of the Q, K and V projections and columns of the output projection."));

    private static CriterionInfo c(String name, String title, boolean data, List<String> grans, String doc, String ref) {
        return new CriterionInfo(name, title, data, grans, doc, ref);
    }

    static final List<CriterionInfo> ALL = List.of(
            c("l1", "L1 norm", false, List.of("filters", "layers"),
                    "Sum of absolute weights of each filter (bias excluded); small-norm filters contribute little and go first. For layers, the mean filter L1 of the block's two convs. Weights only, no data.",
                    "Li et al., Pruning Filters for Efficient ConvNets, ICLR 2017"),
            c("random", "Random", false, List.of("filters", "layers", "weights", "neurons", "heads"),
                    "Uniform random scores: the baseline every criterion must beat. Reproducible with `seed`.",
                    "tutorial (np.random.rand)"),
            c("rank", "HRank (feature-map rank)", true, List.of("filters", "layers"),
                    "Mean matrix rank of each channel's feature map after the ReLU, over a sample of images; low-rank maps carry little information. Needs data (the tutorial uses 500 images per class).",
                    "Lin et al., HRank: Filter Pruning using High-Rank Feature Map, CVPR 2020"),
            c("expected-abs", "Expected absolute activation", true, List.of("filters", "layers"),
                    "Mean |activation| of each channel at the post-BN ReLU over the data; channels that rarely fire are removed. The tutorial runs it over the full train set.",
                    "Tan and Motani, DropNet, ICML 2020"),
            c("kl-divergence", "KL divergence of outputs", true, List.of("filters", "layers"),
                    "Zero the filter (or a block's residual branch) and measure KL(q||p) between the network's softmax outputs with and without it; a small divergence means the structure is not needed. Costs a pass of the network from the filter's layer on for every filter and sample (several filters are stacked into one pass).",
                    "Luo and Wu, Neural Network Pruning with Residual-Connections and Limited-Data (CURL), CVPR 2020"),
            c("cka", "CKA similarity", true, List.of("filters", "layers"),
                    "Zero the filter (or block) and score 1 - linear CKA between the penultimate features with and without it; structures whose removal keeps the representation are removed first. Costs as kl-divergence does.",
                    "Pons et al., Effective Layer Pruning Through Similarity Metric Perspective, ICPR 2024; Kornblith et al., ICML 2019"),
            c("l2", "L2 norm", false, List.of("filters"),
                    "Euclidean norm of each filter's weights; like l1 but penalises large single weights more.",
                    "Li et al., ICLR 2017; He et al., Soft Filter Pruning, IJCAI 2018"),
            c("taylor", "First-order Taylor", true, List.of("filters", "neurons", "heads"),
                    "|activation x gradient| summed over the data: the first-order estimate of the loss change when the structure is removed. Needs data and a backward pass.",
                    "Molchanov et al., Importance Estimation for Neural Network Pruning, CVPR 2019"),
            c("fpgm", "Geometric median", false, List.of("filters"),
                    "Filters closest to the geometric median of their layer's filters are the most replaceable by the others and go first. Weights only.",
                    "He et al., Filter Pruning via Geometric Median, CVPR 2019"),
            c("block-influence", "Block influence (angular distance)", true, List.of("layers"),
                    "1 - cosine similarity between a layer's input and output hidden states over the data: layers that barely change the residual stream are removed first. For transformers.",
                    "Men et al., ShortGPT: Layers in Large Language Models are More Redundant Than You Expect, 2024"),
            c("magnitude", "Magnitude", false, List.of("weights", "neurons", "heads"),
                    "|w| for single weights; for neurons and heads, the norm of their weights. The classic unstructured baseline.",
                    "Han et al., Learning both Weights and Connections, NeurIPS 2015"),
            c("wanda", "Wanda (weights x activations)", true, List.of("weights", "neurons"),
                    "|w| times the L2 norm of the matching input activation over calibration data, compared per output row; no retraining needed.",
                    "Sun et al., A Simple and Effective Pruning Approach for LLMs (Wanda), ICLR 2024"),
            c("sparsegpt", "SparseGPT", true, List.of("weights"),
                    "Layer-wise second-order pruning: removes weights with the smallest saliency w^2/[H^-1]_ii and updates the remaining weights to compensate, using calibration data.",
                    "Frantar and Alistarh, SparseGPT, ICML 2023"));
}
