package org.tinytitans.server.services;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.tinytitans.language.ast.Range;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.ast.Statement;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.language.resolve.PruneSpec;
import org.tinytitans.server.estimates.EstimateService;

/**
 * The runs a spec resolves to ({@link Experiments#resolve}, as {@code titans-cli} resolves them), and which runs a
 * statement takes part in, by its source range: a top-level default block serves every experiment that uses it, a
 * swept block every point of the sweep. Editor features ask the engine's estimate of these runs instead of reading
 * values off the syntax tree, so what the editor shows is what {@code titans-cli estimate} prints.
 */
final class ResolvedRuns {
    /** One resolution per parsed document version (documents are immutable; a new version is a new object). */
    private static final Map<SpecDocument, ResolvedRuns> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /** A run and the index of one of its prune blocks. */
    record At(ExperimentRun run, int block) {
        /** The run's figures after this block (each block applies to the outcome of the ones before it). */
        Optional<EstimateService.PruneFigures> figures(EstimateService estimates) {
            return estimates.run(run).map(f -> f.steps().get(block));
        }

        /** The same run with this block removing another fraction (what a ratio completion would give). */
        At withRatio(double ratio) {
            List<PruneSpec> prunes = new ArrayList<>(run.prunes());
            PruneSpec p = prunes.get(block);
            prunes.set(block, new PruneSpec(p.granularity(), p.criterion(), ratio, null, p.steps(), p.scope(), null, p.exclude(),
                    p.seed(), p.samples(), p.minFilters(), p.roundTo(), p.after(), p.range(), p.criterionRange()));
            ExperimentRun r = run;
            return new At(new ExperimentRun(r.name(), r.variant(), r.model(), r.dataset(), List.copyOf(prunes), r.finetune(),
                    r.measures(), r.latency(), r.energy(), r.target(), r.expects(), r.range(), r.seed(), r.description(),
                    r.exports()), block);
        }
    }

    private final List<ExperimentRun> runs;

    private ResolvedRuns(List<ExperimentRun> runs) {
        this.runs = runs;
    }

    static ResolvedRuns of(SpecDocument doc) {
        return CACHE.computeIfAbsent(doc, d -> new ResolvedRuns(Experiments.resolve(d)));
    }

    List<ExperimentRun> runs() {
        return runs;
    }

    /** The runs that apply this prune statement, each with the statement's index among its blocks. */
    List<At> ofPrune(Statement prune) {
        List<At> out = new ArrayList<>();
        for (ExperimentRun r : runs) {
            List<PruneSpec> prunes = r.prunes();
            for (int i = 0; i < prunes.size(); i++) {
                if (prunes.get(i).range().equals(prune.range())) out.add(new At(r, i));
            }
        }
        return out;
    }

    /** The runs whose model this `model` statement is. */
    List<ExperimentRun> ofModel(Statement model) {
        Range range = model.range();
        return runs.stream().filter(r -> range.equals(r.model().range())).toList();
    }

    /** The runs of an `experiment` statement (named by its argument's range), in sweep order. */
    List<ExperimentRun> ofExperiment(Statement experiment) {
        Range range = experiment.argument().map(v -> v.range()).orElse(experiment.keyword().range());
        return runs.stream().filter(r -> range.equals(r.range())).toList();
    }
}
