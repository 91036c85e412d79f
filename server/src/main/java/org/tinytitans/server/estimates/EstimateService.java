package org.tinytitans.server.estimates;

import java.util.List;
import java.util.Optional;
import org.tinytitans.language.resolve.ExperimentRun;

/**
 * Live analytic figures for the editor (hover, inlay hints, ratio completion). Implementations must be fast
 * (no weights, no data) and must never throw: an unknown model or an impossible plan is simply empty.
 */
public interface EstimateService {

    /** Params and FLOPs (multiply-accumulates) of an unpruned zoo model. */
    Optional<Figures> model(String model);

    /**
     * A resolved run's figures after each of its prune blocks in turn, from the engine's one estimate
     * ({@code Estimate.steps}, whose last entry {@code titans-cli estimate} prints); empty when the run has none
     * (a model without a graph, a language model's granularity, an impossible count).
     */
    Optional<RunFigures> run(ExperimentRun run);

    /** Layer names of a zoo model that `exclude` may name (convolutions and dense layers). */
    List<String> layers(String model);

    record Figures(long params, long flops) {}

    /** @param steps the figures after each prune block, each from the unpruned model; one entry without prune blocks */
    record RunFigures(List<PruneFigures> steps) {
        public PruneFigures last() {
            return steps.get(steps.size() - 1);
        }
    }

    /**
     * @param low      the smaller outcome (or the exact one)
     * @param high     the larger outcome; equal to low when exact
     * @param nonzeroParams params left non-zero (differs from low.params only for `prune weights`)
     */
    record PruneFigures(Figures before, Figures low, Figures high, long nonzeroParams) {
        public boolean exact() {
            return low.equals(high);
        }

        /** Fraction of FLOPs removed (of the low end, the more optimistic). */
        public double flopsReduction() {
            return before.flops() == 0 ? 0 : 1.0 - (double) low.flops() / before.flops();
        }

        public double paramsReduction() {
            return before.params() == 0 ? 0 : 1.0 - (double) nonzeroParams / before.params();
        }
    }

    /** No estimates: used when the engine is not on the class path. */
    EstimateService NONE = new EstimateService() {
        @Override
        public Optional<Figures> model(String model) {
            return Optional.empty();
        }

        @Override
        public Optional<RunFigures> run(ExperimentRun run) {
            return Optional.empty();
        }

        @Override
        public List<String> layers(String model) {
            return List.of();
        }
    };
}
