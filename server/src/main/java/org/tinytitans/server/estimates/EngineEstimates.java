package org.tinytitans.server.estimates;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.prune.Estimate;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Granularity;

/**
 * Estimates from the engine's architecture graphs: plain Java, no weights, milliseconds. Graphs and results
 * are cached because the editor asks the same question on every keystroke.
 */
public final class EngineEstimates implements EstimateService {
    private static final Logger LOG = Logger.getLogger(EngineEstimates.class.getName());

    private final Map<String, Optional<Graph>> graphs = new ConcurrentHashMap<>();
    private final Map<Key, Optional<RunFigures>> runs = new ConcurrentHashMap<>();

    /** What an estimate depends on: two runs with the same key (other criteria, seeds, lines) have the same figures. */
    private record Key(String model, Integer classes, List<Step> steps) {}

    private record Step(Granularity granularity, Double ratio, Integer count, String scope, List<String> exclude, String criterion,
                        int after, boolean fuse) {}

    @Override
    public Optional<Figures> model(String model) {
        return graph(model).map(g -> figures(g.counts())).or(() -> Estimate.transformer(model).map(EngineEstimates::figures));
    }

    @Override
    public Optional<RunFigures> run(ExperimentRun run) {
        Key key = new Key(run.model().name(), run.model().classes(), run.prunes().stream()
                .map(p -> new Step(p.granularity(), p.ratio(), p.count(), p.scope(), p.exclude(),
                        p.granularity() == Granularity.TOKENS ? p.criterion() : null, p.after(), p.fuse())).toList());
        Optional<RunFigures> cached = runs.get(key);
        if (cached != null) return cached;
        Optional<RunFigures> result;
        try {
            result = Optional.of(new RunFigures(Estimate.steps(run).stream().map(EngineEstimates::figures).toList()));
        } catch (RuntimeException | LinkageError ex) { // neurons/heads, an impossible count...: no estimate, never an error
            LOG.log(Level.FINE, "no estimate for " + key, ex);
            result = Optional.empty();
        }
        if (runs.size() > 4096) runs.clear();
        runs.put(key, result);
        return result;
    }

    @Override
    public List<String> layers(String model) {
        return graph(model).map(g -> g.layers().stream()
                .filter(l -> l.kind() == Kind.CONV || l.kind() == Kind.DENSE).map(l -> l.name()).toList()).orElse(List.of());
    }

    private Optional<Graph> graph(String model) {
        if (model == null) return Optional.empty();
        return graphs.computeIfAbsent(model, m -> {
            try {
                return Zoo.has(m) ? Optional.of(Zoo.build(m)) : Optional.empty();
            } catch (RuntimeException | LinkageError ex) { // a broken engine must not break completion
                LOG.log(Level.WARNING, "cannot build the graph of " + m, ex);
                return Optional.empty();
            }
        });
    }

    private static PruneFigures figures(Estimate e) {
        return new PruneFigures(figures(e.before()), figures(e.low()), figures(e.high()), e.nonzeroParams());
    }

    private static Figures figures(Counts c) {
        return new Figures(c.params(), c.macs());
    }
}
