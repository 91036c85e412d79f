package org.tinytitans.language.resolve;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tinytitans.language.ast.Range;

/**
 * One concrete run: an experiment with one point of its sweep, defaults merged and values typed.
 *
 * @param model   never null; its name is null when the spec has no model (the checker reports missing-model)
 * @param variant swept key -> value as written, in declaration order; empty without a sweep
 * @param dataset null when the experiment has none
 * @param finetune null when the experiment does not fine-tune
 * @param range   range of the experiment's name (of the first statement for the implicit "default")
 * @param seed    the experiment's `seed` (0 by default); prune blocks without their own seed use it
 * @param exports formats of the `export` lines (e.g. "onnx"), known ones only, without repeats
 * @param search  how `ratio auto` blocks and `measure sensitivity` run: the `search` block's values or the catalog's
 *                defaults (never null)
 */
public record ExperimentRun(String name, Map<String, String> variant, ModelSpec model, DatasetSpec dataset,
                            List<PruneSpec> prunes, FinetuneSpec finetune, List<String> measures,
                            LatencySpec latency, EnergySpec energy, TargetSpec target, List<ExpectSpec> expects,
                            Range range, long seed, String description, List<String> exports, SearchSpec search) {

    /** A run with the catalog's default search settings. */
    public ExperimentRun(String name, Map<String, String> variant, ModelSpec model, DatasetSpec dataset,
                         List<PruneSpec> prunes, FinetuneSpec finetune, List<String> measures,
                         LatencySpec latency, EnergySpec energy, TargetSpec target, List<ExpectSpec> expects,
                         Range range, long seed, String description, List<String> exports) {
        this(name, variant, model, dataset, prunes, finetune, measures, latency, energy, target, expects, range, seed,
                description, exports, Experiments.defaultSearch(model == null ? null : model.name()));
    }

    /** Whether a prune block says `ratio auto`. */
    public boolean searches() {
        return prunes.stream().anyMatch(PruneSpec::auto);
    }

    /** The same run with other prune blocks (a search's trial plan). */
    public ExperimentRun withPrunes(List<PruneSpec> other) {
        return new ExperimentRun(name, variant, model, dataset, List.copyOf(other), finetune, measures, latency, energy, target,
                expects, range, seed, description, exports, search);
    }
    /** "criterion=l1,ratio=30%", or "" without a sweep. */
    public String variantName() {
        return variant.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** "name" or "name[criterion=l1,ratio=30%]": unique within a file. */
    public String id() {
        return variant.isEmpty() ? name : name + "[" + variantName() + "]";
    }
}
