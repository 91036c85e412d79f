package org.tinytitans.language.catalog;

import java.util.List;

/** Zoo models, datasets, metrics and targets. */
final class Zoo {
    private Zoo() {}

    private static ModelInfo cifar(String name, String doc) {
        return new ModelInfo(name, ModelFamily.RESIDUAL, "cifar10", List.of(32, 32, 3), 10, doc);
    }

    static final List<ModelInfo> MODELS = List.of(
            cifar("resnet20", "CIFAR-10 ResNet-20 (3 blocks per stage), the tutorial's Keras resnet_v1 layout."),
            cifar("resnet32", "CIFAR-10 ResNet-32 (5 blocks per stage), tutorial layout; pretrained ResNet32++.h5."),
            cifar("resnet44", "CIFAR-10 ResNet-44 (7 blocks per stage), tutorial layout; pretrained ResNet44++.h5."),
            cifar("resnet56", "CIFAR-10 ResNet-56 (9 blocks per stage), tutorial layout; pretrained ResNet56++.h5."),
            cifar("resnet110", "CIFAR-10 ResNet-110 (18 blocks per stage), tutorial layout (accuracy 0.9291 in the notebook)."),
            cifar("resnet20-he", "ResNet-20 as He et al. 2016: option-A (zero-padding, parameter-free) shortcuts, no conv bias."),
            cifar("resnet56-he", "ResNet-56 as He et al. 2016: option-A (zero-padding, parameter-free) shortcuts, no conv bias."),
            new ModelInfo("vgg16-cifar", ModelFamily.CNN, "cifar10", List.of(32, 32, 3), 10, "VGG-16 with batch norm adapted to 32x32 CIFAR-10 images (a common filter-pruning benchmark)."),
            new ModelInfo("resnet50", ModelFamily.RESIDUAL, "imagenet", List.of(224, 224, 3), 1000, "ImageNet ResNet-50 (bottleneck blocks)."),
            new ModelInfo("mobilenetv2", ModelFamily.RESIDUAL, "imagenet", List.of(224, 224, 3), 1000, "ImageNet MobileNetV2 (inverted residuals, depthwise convs)."),
            new ModelInfo("mnist-cnn", ModelFamily.CNN, "mnist", List.of(28, 28, 1), 10, "A small CNN for MNIST (two convs, one dense layer): seconds to prune and fine-tune on a CPU."),
            new ModelInfo("gpt2-tiny", ModelFamily.LANGUAGE, "text", List.of(128), 0, "A few-layer GPT-2-style decoder (learned positions, GELU MLP) for quick language-model pruning."),
            new ModelInfo("llama-tiny", ModelFamily.LANGUAGE, "text", List.of(128), 0, "A few-layer Llama-style decoder (RMSNorm, rotary positions, SwiGLU MLP with gate/up/down)."),
            new ModelInfo("tiny-lm", ModelFamily.LANGUAGE, "text", List.of(128), 0, "The tutorial's small language model case, trained on a plain-text corpus."),
            new ModelInfo("hf", ModelFamily.LANGUAGE, "text", List.of(128), 0, "A Hugging Face causal LM folder (config.json + safetensors) given by `weights`."),
            // The shapes of engine/vit's VisionZoo (a test checks that the two agree); weights come as Hugging Face folders.
            new ModelInfo("tiny-vit", ModelFamily.VIT, "mnist", List.of(28, 28, 1), 10, "The shipped tiny ViT (samples/models/tiny-vit): 4 blocks, hidden 64, 4 heads, 4x4 patches (49 + CLS tokens), trained here on the shipped MNIST digits.", 4),
            new ModelInfo("vit-b16", ModelFamily.VIT, "imagenet", List.of(224, 224, 3), 1000, "ViT-B/16 (google/vit-base-patch16-224, ViTForImageClassification): 12 blocks, hidden 768, 197 tokens. Weights: a Hugging Face folder.", 12),
            new ModelInfo("deit-s16", ModelFamily.VIT, "imagenet", List.of(224, 224, 3), 1000, "DeiT-S/16 (facebook/deit-small-patch16-224, without distillation token): 12 blocks, hidden 384, 6 heads. Weights: a Hugging Face folder.", 12),
            new ModelInfo("clip-vit-b32", ModelFamily.CLIP, "imagenet", List.of(224, 224, 3), 0, "CLIP ViT-B/32 (openai/clip-vit-base-patch32): image and text towers of 12 blocks, 50 image tokens. Counts and estimates only so far.", 12),
            new ModelInfo("llava-1.5-7b", ModelFamily.VLM, "visual-qa", List.of(336, 336, 3), 0, "LLaVA-1.5-7B (llava-hf/llava-1.5-7b-hf): CLIP ViT-L/14-336 tower (24 blocks, 576 image tokens), 2-layer projector, Vicuna-7B decoder (32 layers: `after` counts decoder layers). Counts and estimates only so far.", 32),

            new ModelInfo("tiny-vlm", ModelFamily.VLM, "visual-qa", List.of(28, 28, 1), 0, "The project's LLaVA-style model (a Hugging Face LlavaForConditionalGeneration folder given by `weights`): a CLIP-style vision tower on 28x28 digits (49 image tokens), a projector and the tiny-lm decoder, trained on multiple-choice questions about the shipped MNIST digits.", 6));

    static final List<DatasetInfo> DATASETS = List.of(
            new DatasetInfo("cifar10", "vision", List.of(32, 32, 3), 10, "data/cifar-10-batches-bin", 1000, null, "CIFAR-10 binary batches (labels as stored, 0-9). Preprocessing is the tutorial's: x/255 minus the per-pixel mean image of the train batches present; no resize, crop or std (`preprocess` does not apply)."),
            new DatasetInfo("mnist", "vision", List.of(28, 28, 1), 10, "data/mnist", 1000, null, "MNIST idx files (train/t10k images and labels, optionally gzipped; labels as stored). Preprocessing: x/255 in [0,1], no mean or std (`preprocess` does not apply)."),
            new DatasetInfo("imagenet", "vision", List.of(224, 224, 3), 1000, "data/imagenet", 1000, null, "An image folder with one sub-folder per class (ImageNet layout; `val`/`test` and `train` sub-folders are used when present). Class indices and preprocessing: see the dataset properties `classes` and `preprocess` (default: torchvision's standard evaluation transform)."),
            new DatasetInfo("synthetic", "any", List.of(), 0, "", null, null, "Random inputs of the model's shape: for FLOPs, latency and energy without real data (accuracy is meaningless)."),
            new DatasetInfo("text", "language", List.of(128), 0, "data/text.txt", 512, 32, "A plain-text corpus for language models, split into sequences of `seq-len` tokens."),
            new DatasetInfo("visual-qa", "multimodal", List.of(28, 28, 1), 0, "data/digit-vqa.jsonl", 200, null, "ScienceQA-style multiple-choice questions about images for vision-language models: JSON Lines of `image` (a PNG/JPEG path, or an IDX file with `#N`, relative to the file), `question`, `choices` and `answer` (the right choice's index). Each choice is scored by its log-likelihood after the image and the question; `samples` is how many questions are asked (the first ones)."));

    private static MetricInfo m(String name, UnitKind kind, String unit, boolean lower, boolean relative, String doc) {
        return new MetricInfo(name, kind, unit, lower, relative, doc);
    }

    static final List<MetricInfo> METRICS = List.of(
            m("flops", UnitKind.COUNT, "", true, true, "Multiply-accumulates of one forward pass as the layers compute them (conv: Hout*Wout*(Cin/groups)*Cout*kh*kw, the same for depthwise, grouped and pointwise convs; dense: in*out; bias, BN, activations, adds, pooling not counted). Equal to a conv/linear hook counter on the same torchvision network."),
            m("flops-tutorial", UnitKind.COUNT, "", true, true, "Multiply-accumulates as the tutorial's compute_flops counts them, for comparing with its figures: the same as `flops` except that a depthwise conv is charged kh*kw*Cin*Hout*Wout + Cin*Cout*Hout*Wout (a pointwise conv it does not have). Equal to `flops` on networks without depthwise convs."),
            m("params", UnitKind.COUNT, "", true, true, "Every parameter, BN running statistics included, as Keras count_params()."),
            m("memory", UnitKind.MEMORY, "B", true, true, "Memory for one inference at batch 1: parameters plus activations."),
            m("latency", UnitKind.TIME, "ms", true, false, "Median wall time of one forward pass (see the `latency` block)."),
            m("throughput", UnitKind.THROUGHPUT, "/s", false, false, "Samples per second at the latency batch size."),
            m("accuracy", UnitKind.PERCENT, "%", false, false, "Top-1 accuracy on the evaluation split; `drop` is in percentage points."),
            m("perplexity", UnitKind.NONE, "", true, false, "exp(mean token cross-entropy) on the text dataset; `drop` is relative (10% = at most 10% higher)."),
            m("sparsity", UnitKind.PERCENT, "%", false, false, "Fraction of zero weights."),
            m("energy", UnitKind.ENERGY, "Wh", true, false, "Energy of the measured inference (and fine-tuning) work, after PUE."),
            m("carbon", UnitKind.MASS, "g", true, false, "CO2-equivalent: energy x grid intensity (region or `intensity`, default 0.432 kg/kWh)."),
            m("water", UnitKind.VOLUME, "L", true, false, "Water: energy x WUE."),
            m("cost", UnitKind.MONEY, "$", true, false, "Electricity cost: energy x `price`."),
            m("speedup", UnitKind.RATIO, "x", false, false, "Baseline latency / pruned latency."),
            m("sensitivity", UnitKind.NONE, "", false, false, "The sensitivity scan without a search: each prunable layer (residual block, transformer layer) pruned alone at each of the `search` block's `ratios` with the prune block's criterion, evaluated on `samples` held-out samples without fine-tuning (accuracy, or perplexity for language models). A table in the result, not a figure `expect` can test."));

    static final List<TargetInfo> TARGETS = List.of(
            new TargetInfo("cpu", "", false, List.of("torch"), "Run locally on the CPU (the default)."),
            new TargetInfo("gpu", "device index N (default 0)", false, List.of("torch"), "Run locally on a CUDA GPU."),
            new TargetInfo("ssh", "\"user@host\"", true, List.of("workdir", "java", "titans", "gpu", "torch"), "Run on a remote host through ssh (titans-cli must be installed there)."),
            new TargetInfo("slurm", "\"partition\"", true, List.of("gpus", "cpus", "mem", "time", "account", "workdir", "java", "titans", "torch"), "Submit a Slurm job (sbatch) to a partition."));
}
