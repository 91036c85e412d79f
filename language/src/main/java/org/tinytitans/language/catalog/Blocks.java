package org.tinytitans.language.catalog;

import static org.tinytitans.language.catalog.BlockInfo.Argument;

import java.util.List;

/** The statements of an experiment and their properties. */
final class Blocks {
    private Blocks() {}

    /** The `ratio` keyword that asks for a search instead of a fixed ratio. */
    static final String AUTO = "auto";

    private static PropertyInfo integer(String name, double min, Double max, String def, boolean sweep, String doc) {
        return new PropertyInfo(name, doc, ValueType.INTEGER, UnitKind.COUNT, min, max, def, List.of(), false, sweep);
    }

    private static PropertyInfo number(String name, Double min, Double max, String def, boolean sweep, String doc) {
        return new PropertyInfo(name, doc, ValueType.NUMBER, UnitKind.NONE, min, max, def, List.of(), false, sweep);
    }

    private static PropertyInfo quantity(String name, UnitKind kind, Double min, Double max, String def, String doc) {
        return new PropertyInfo(name, doc, ValueType.QUANTITY, kind, min, max, def, List.of(), false, false);
    }

    private static PropertyInfo names(String name, List<String> choices, String def, boolean sweep, String doc) {
        return new PropertyInfo(name, doc, ValueType.NAME, UnitKind.NONE, null, null, def, choices, false, sweep);
    }

    private static PropertyInfo string(String name, String def, String doc) {
        return new PropertyInfo(name, doc, ValueType.STRING, UnitKind.NONE, null, null, def, List.of(), false, false);
    }

    private static PropertyInfo bool(String name, String def, String doc) {
        return new PropertyInfo(name, doc, ValueType.BOOLEAN, UnitKind.NONE, null, null, def, List.of("true", "false"), false, false);
    }

    /** "cifar10 1000, text 32": a default that depends on the dataset, stated from the dataset entries. */
    private static String byDataset(java.util.function.Function<DatasetInfo, Integer> value) {
        return String.join(", ", Zoo.DATASETS.stream().filter(d -> value.apply(d) != null)
                .map(d -> d.name() + " " + value.apply(d)).toList());
    }

    static final List<PropertyInfo> EXPERIMENT = List.of(
            string("description", null, "Free text shown in reports."),
            integer("seed", 0, null, "0", false, "Seed for every random choice of the experiment (random criteria, sampling, shuffling)."));

    static final List<PropertyInfo> MODEL = List.of(
            string("weights", null, "Weights file or folder: Keras `.h5`, `.safetensors`, the engine's own `.tt`, or a Hugging Face folder (for `hf`). Relative paths are resolved from the spec's folder."),
            new PropertyInfo("input", "Input shape without the batch axis, as the model expects it (e.g. `input 32, 32, 3` for a CIFAR ResNet, `input 128` tokens for a language model). Defaults to the zoo entry's shape.",
                    ValueType.INTEGER, UnitKind.COUNT, 1.0, 100000.0, null, List.of(), true, false),
            integer("classes", 1, 1e6, null, false, "Number of output classes; defaults to the zoo entry's (10 for CIFAR-10)."),
            names("format", List.of("h5", "safetensors", "tt", "hf"), null, false, "Weight format when the file name does not tell it."));

    static final List<PropertyInfo> DATASET = List.of(
            string("path", null, "Folder or file of the data, relative to the spec's folder (CIFAR-10 binary batches, MNIST idx files, an image folder, a text file)."),
            integer("samples", 1, null, null, false, "Images: how many samples data-driven criteria draw, class-stratified from the train split (the tutorial uses 5000: 500 per class; evaluation always reads the whole test split). Text: how many windows of `seq-len` tokens perplexity reads. Default by dataset: "
                    + byDataset(DatasetInfo::samples) + "."),
            names("split", List.of("train", "test", "val"), "test", false, "Split used for evaluation; criteria and fine-tuning always draw from train."),
            integer("batch", 1, 65536.0, "128", false, "Batch size for evaluation and data-driven criteria."),
            new PropertyInfo("classes", "Image folders: which class each folder is. A number says how many classes the model's output has (checked against it); a file in quotes lists the class names, one per line, line i being class i, and folders are looked up in it. Without a file, ImageNet synset folders (`n01440764`...) take their index in the sorted 1000 ILSVRC-2012 synsets, numeric folders (`0`, `17`) their number, other names their sorted position among the folders present; so a folder holding a subset of the classes keeps the model's indices.",
                    ValueType.COUNT_OR_FILE, UnitKind.COUNT, 1.0, 1e6, null, List.of(), false, false),
            names("preprocess", List.of("torchvision", "tf", "caffe"), "torchvision", false, "Image folders: how an image becomes the model's input, as the weights were trained. `torchvision`: Pillow-style antialiased bilinear resize of the shorter side to 256 (longer side truncated), center crop 224, x/255, ImageNet mean/std (torchvision's standard evaluation; sizes scale with the model's input). `tf`: the whole image resized to the input size, no crop, x/127.5 - 1 (Keras MobileNet). `caffe`: the whole image resized, RGB to BGR, ImageNet BGR means subtracted (Keras ResNet50, VGG)."),
            integer("seq-len", 1, 1e6, "128", false, "Tokens per sequence for `text` datasets."),
            new PropertyInfo("tasks", "Zero-shot multiple-choice task files for a language model's `accuracy` (JSON Lines in the HellaSwag, ARC, PIQA or WinoGrande format), scored by log-likelihood as lm-evaluation-harness does.",
                    ValueType.STRING, UnitKind.NONE, null, null, null, List.of(), false, false));

    static final List<PropertyInfo> PRUNE = List.of(
            names("criterion", List.of(), null, true, "How to score the structures; the lowest scores are removed. See the criteria table."),
            new PropertyInfo("ratio", "Fraction of the structures removed, per layer (`scope per-layer`) or over the whole network (`scope global`). "
                    + "`ratio auto` (prune filters, layers, neurons, heads) searches for the per-layer ratios that meet every `expect` on flops, params, memory, latency, energy and carbon while losing the least accuracy or perplexity (see the `search` block and docs/search.md).",
                    ValueType.FRACTION, UnitKind.PERCENT, 0.0, 0.99, "50%", List.of(AUTO), false, true),
            new PropertyInfo("layer", "A per-layer ratio, the form a search's plan is written back in: `layer \"conv2d_1\" ratio 30%` (one line per layer, the layer named as the engine names it; overrides the block's `ratio` for that layer). Not for `prune layers`, whose plan is a `count`.",
                    ValueType.LAYER_RATIO, UnitKind.PERCENT, 0.0, 0.99, null, List.of(), false, false),
            integer("count", 1, null, null, true, "For `prune layers`: the number of blocks/layers to remove instead of a ratio."),
            integer("steps", 1, 1000.0, "1", true, "Reach the ratio over K iterations (Algorithm 1), fine-tuning between them when a `finetune` block is present."),
            names("scope", List.of("per-layer", "global"), "per-layer", true, "`per-layer`: every prunable layer loses the same fraction; `global`: scores are compared across layers."),
            new PropertyInfo("pattern", "N:M semi-structured sparsity for `prune weights`: in every group of M consecutive weights at most N stay non-zero, as in 2:4 (NVIDIA Ampere sparse tensor cores). Weights only.",
                    ValueType.PATTERN, UnitKind.NONE, null, null, null, List.of(), false, false),
            new PropertyInfo("exclude", "Layer names or globs (`*` and `?`) that are never pruned, e.g. `exclude \"conv2d_1\", \"dense_*\"`.",
                    ValueType.STRING, UnitKind.NONE, null, null, null, List.of(), true, false),
            integer("seed", 0, null, "0", true, "Seed for `random` and for sampling; sweeping it repeats a run with other seeds."),
            integer("samples", 1, null, null, false, "Samples data-driven criteria draw (images class-stratified from the train split; token windows of text); overrides the dataset's. Default: the dataset's `samples`, except "
                    + byDataset(DatasetInfo::pruneSamples) + "."),
            integer("min-filters", 1, null, "1", false, "Every pruned layer keeps at least this many filters/units/heads."),
            integer("after", 1, 1000.0, "1", true, "For `prune tokens`: the tokens are pruned after block K (1-based) has run, so blocks K+1 to the last see fewer tokens; 1 to the model's number of blocks - 1. Vision transformers: encoder blocks (patch tokens); vision-language models: decoder layers (the visual tokens, FastV)."),
            bool("fuse", "false", "For `prune tokens` with `criterion cls-attention`: merge the dropped patch tokens into one extra token (their average weighted by the CLS attention) instead of discarding them (EViT)."),
            integer("round-to", 1, 1024.0, "1", false, "For `prune filters`: every pruned layer keeps a multiple of N filters, rounded up from the plan (the lowest-scored filters stay removed). CPU kernels work in whole vector lanes (8 fp32 with AVX2, 16 with AVX-512), so 29 channels cost about what 32 do; rounding trades a little of the FLOPs reduction for a speed-up closer to it. Estimates show the rounded figures. 1 (the default) is off."));

    static final List<PropertyInfo> SEARCH = List.of(
            integer("trials", 1, 10000.0, "12", false, "Plans evaluated (without fine-tuning) at most, bisection and allocation steps together."),
            names("allocation", List.of("sensitivity", "uniform"), "sensitivity", false, "`sensitivity`: per-layer ratios from the sensitivity curves (the layer that loses least per MAC or parameter removed is pruned further first); `uniform`: one ratio for every layer, found by bisection."),
            names("objective", List.of("accuracy", "perplexity"), null, false, "What the search keeps best: accuracy (vision models) or perplexity (language models); default by the model's family."),
            new PropertyInfo("ratios", "Ratios of the sensitivity scan: each prunable layer is pruned alone at each of them (a list, not a sweep).",
                    ValueType.FRACTION, UnitKind.PERCENT, 0.01, 0.99, "20%, 40%, 60%, 80%", List.of(), true, false),
            integer("finalists", 1, 100.0, "3", false, "Feasible plans, the best by their objective, that get the short fine-tune; the best of them then gets the experiment's `finetune`."),
            integer("finalist-epochs", 0, 1000.0, "1", false, "Epochs of the finalists' short fine-tune (0: rank them untrained)."),
            integer("samples", 1, null, "500", false, "Held-out samples per evaluation (sensitivity points and trials): test images, or token windows of text."));

    static final List<PropertyInfo> FINETUNE = List.of(
            integer("epochs", 0, 100000.0, "1", true, "Training epochs after pruning (after every step with `steps`). The tutorial fine-tunes 190-200 epochs."),
            number("lr", 0.0, 10.0, "0.01", true, "Learning rate (the tutorial: 0.01, then 0.001 from epoch 100, 1e-4 from 150)."),
            integer("batch", 1, 65536.0, "128", true, "Training batch size."),
            names("optimizer", List.of("sgd", "adam", "adamw"), "sgd", true, "Optimizer."),
            number("momentum", 0.0, 1.0, "0.9", false, "SGD momentum."),
            bool("nesterov", "true", "Nesterov momentum for SGD."),
            number("weight-decay", 0.0, 1.0, "0.0001", true, "L2 weight decay (the tutorial's layers carry L2 1e-4)."),
            integer("warmup", 0, 100000.0, "0", false, "Epochs of linear learning-rate warm-up."),
            names("schedule", List.of("constant", "step", "cosine"), "step", false, "Learning-rate schedule: `step` multiplies by `gamma` at each milestone, `cosine` anneals to 0."),
            new PropertyInfo("milestones", "Epochs at which `schedule step` lowers the learning rate (the tutorial: 100, 150).",
                    ValueType.INTEGER, UnitKind.COUNT, 0.0, null, "100, 150", List.of(), true, false),
            number("gamma", 0.0, 1.0, "0.1", false, "Factor applied at each milestone."),
            bool("distill", "false", "Knowledge distillation from the unpruned model (soft targets) during fine-tuning."),
            bool("augment", "true", "Data augmentation for images (pad 4 px, random crop, horizontal flip, as the tutorial)."),
            integer("samples", 1, null, null, false, "Train on at most this many samples per epoch (quick runs)."),
            integer("lora-rank", 1, 1024.0, "8", true, "Language models: fine-tune with LoRA adapters of this rank, merged back into the weights."),
            number("lora-alpha", 0.0, 1e4, "16", false, "Language models: LoRA scaling; the update is (alpha / rank) x B x A."),
            names("lora-targets", List.of("q", "k", "v", "o", "gate", "up", "down"), null, false, "Language models: projections that get adapters (default: all the layout has)."),
            integer("max-steps", 1, 1e7, "200", false, "Language models: optimizer steps per epoch at most (an epoch over a large text is long)."));

    static final List<PropertyInfo> LATENCY = List.of(
            integer("batch", 1, 65536.0, "1", false, "Batch size of the timed forward passes."),
            integer("runs", 1, 1e6, "50", false, "Timed forward passes; the median is reported."),
            integer("warmup", 0, 1e6, "5", false, "Untimed forward passes before timing."),
            integer("threads", 0, 1024.0, "0", false, "CPU threads for inference; 0 lets the engine decide."),
            names("runtime", List.of("engine", "onnxruntime"), "engine", false, "What runs the timed passes: `engine` (DJL/PyTorch, as the job computes everything else) or `onnxruntime` (the models exported to ONNX and run by ONNX Runtime on the CPU, as they are deployed). Vision models only."));

    static final List<ExportFormatInfo> EXPORT_FORMATS = List.of(
            new ExportFormatInfo("onnx", "model.onnx", "ONNX (opset 17) with the pruned shapes: input `input` (batch, C, H, W) float32, output `logits`. ONNX Runtime loads it with the engine's logits (checked in the tests). Vision models only."));

    static final List<PropertyInfo> ENERGY = List.of(
            new PropertyInfo("region", "Electricity grid for carbon and water: an ISO 3166 alpha-3 code (BRA, USA, FRA...) or WORLD. Without `region` or `intensity`, the tutorial's 0.432 kg/kWh is used.",
                    ValueType.REGION, UnitKind.NONE, null, null, null, List.of(), false, false),
            quantity("intensity", UnitKind.CARBON_INTENSITY, 0.0, 5000.0, "0.432kg/kWh", "Grid carbon intensity, overriding the region's (e.g. `0.432kg/kWh`, `98g/kWh`); without either, the tutorial's."),
            number("pue", 1.0, 5.0, "1.0", false, "Power usage effectiveness of the data centre: facility energy / IT energy."),
            quantity("wue", UnitKind.WATER_INTENSITY, 0.0, 100.0, "0L/kWh", "Water usage effectiveness: litres of water per kWh."),
            quantity("price", UnitKind.ENERGY_PRICE, 0.0, 100.0, null, "Electricity price for the `cost` metric."),
            quantity("tdp", UnitKind.POWER, 0.0, 1e5, null, "CPU power (TDP) when it cannot be read from the machine."),
            quantity("gpu-power", UnitKind.POWER, 0.0, 1e5, null, "GPU power when it cannot be read from the device."),
            number("utilization", 0.0, 1.0, "1.0", false, "Fraction of TDP drawn while running (estimates only)."));

    static final List<PropertyInfo> TARGET = List.of(
            string("workdir", null, "ssh, slurm: working folder on the remote host (for slurm: one the compute nodes see)."),
            string("java", null, "ssh, slurm: java executable on the remote host (used to install titans-cli there)."),
            string("titans", null, "ssh, slurm: titans-cli executable on the remote host."),
            integer("gpu", 0, 64.0, null, false, "ssh: index of the GPU to use; without it the job runs on the host's CPU."),
            integer("gpus", 0, 64.0, null, false, "slurm: GPUs to request (#SBATCH --gpus=N); the job runs on the first one. Without it none is requested and the job runs on the CPU."),
            integer("cpus", 1, 1024.0, null, false, "slurm: CPUs per task (default: the partition's)."),
            quantity("mem", UnitKind.MEMORY, 1.0, null, null, "slurm: memory to request (default: the partition's)."),
            string("time", null, "slurm: wall-clock limit as HH:MM:SS (default: the partition's)."),
            string("account", null, "slurm: account to charge."),
            string("torch", null, "A folder holding libtorch to run on instead of the engine's own choice, e.g. a pip torch's lib/ "
                    + "(on ssh and slurm: a path on that host). See docs/gpu.md."));

    static final List<BlockInfo> ALL = List.of(
            new BlockInfo("experiment", "One experiment: a model, what to prune and how, what to measure and expect. Statements outside any experiment are defaults for all of them.",
                    Argument.NAME, true, true, EXPERIMENT, "experiment resnet56_l1 { ... }"),
            new BlockInfo("model", "The network to prune: a zoo name (see Zoo models) and optionally its weights.",
                    Argument.MODEL, true, false, MODEL, "model resnet56 { weights \"models/ResNet56++.h5\" }"),
            new BlockInfo("dataset", "Data for evaluation, data-driven criteria and fine-tuning.",
                    Argument.DATASET, true, false, DATASET, "dataset cifar10 { path \"data/cifar-10-batches-bin\" }"),
            new BlockInfo("prune", "One pruning pass at a granularity; several apply in order.",
                    Argument.GRANULARITY, true, true, PRUNE, "prune filters { criterion l1; ratio 50% }"),
            new BlockInfo("finetune", "Training after pruning (and between steps).",
                    Argument.NONE, true, false, FINETUNE, "finetune { epochs 2; lr 0.01 }"),
            new BlockInfo("search", "How `ratio auto` is searched: the experiment's `expect` lines on flops, params, memory, latency, energy and carbon are the budget, accuracy or perplexity the objective (docs/search.md). Defaults apply when `ratio auto` appears without it.",
                    Argument.NONE, true, false, SEARCH, "search { trials 12; allocation sensitivity; finalists 3 }"),
            new BlockInfo("measure", "The metrics to report, separated by commas.",
                    Argument.METRICS, false, true, List.of(), "measure flops, params, latency, accuracy"),
            new BlockInfo("latency", "How latency is timed.",
                    Argument.NONE, true, false, LATENCY, "latency { batch 1; runs 50 }"),
            new BlockInfo("export", "Also write the pruned model in a deployment format, beside the engine's own model.tt (e.g. `model.onnx`).",
                    Argument.FORMAT, false, true, List.of(), "export onnx"),
            new BlockInfo("energy", "How energy becomes carbon, water and cost.",
                    Argument.NONE, true, false, ENERGY, "energy { region BRA; pue 1.2 }"),
            new BlockInfo("target", "Where the job runs: `cpu`, `gpu [N]`, `ssh \"user@host\"`, `slurm \"partition\"`.",
                    Argument.TARGET, true, false, TARGET, "target slurm \"gpu\" { gpus 1; mem 16GB; time \"01:00:00\" }"),
            new BlockInfo("expect", "A condition the result must meet: `expect METRIC [drop] OP QUANTITY`.",
                    Argument.EXPECT, false, true, List.of(), "expect accuracy drop <= 2%"));
}
