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

/**
 * Estimates from the engine's architecture graphs: plain Java, no weights, milliseconds. Graphs and results
 * are cached because the editor asks the same question on every keystroke.
 */
public final class EngineEstimates implements EstimateService {
    private static final Logger LOG = Logger.getLogger(EngineEstimates.class.getName());

    private final Map<String, Optional<Graph>> graphs = new ConcurrentHashMap<>();
    private final Map<String, Optional<PruneFigures>> pruned = new ConcurrentHashMap<>();

    @Override
    public Optional<Figures> model(String model) {
        return graph(model).map(g -> figures(g.counts()));
    }

    @Override
    public Optional<PruneFigures> prune(String model, PruneQuery q) {
        String key = model + "|" + q;
        Optional<PruneFigures> cached = pruned.get(key);
        if (cached != null) return cached;
        Optional<PruneFigures> result = graph(model).flatMap(g -> {
            try {
                Estimate e = Estimate.of(g, q.granularity(), q.ratio(), q.count(), q.scope(), q.exclude());
                return Optional.of(new PruneFigures(figures(e.before()), figures(e.low()), figures(e.high()), e.nonzeroParams()));
            } catch (RuntimeException | LinkageError ex) { // neurons/heads, an impossible count...: no estimate, never an error
                LOG.log(Level.FINE, "no estimate for " + key, ex);
                return Optional.empty();
            }
        });
        if (pruned.size() > 4096) pruned.clear();
        pruned.put(key, result);
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

    private static Figures figures(Counts c) {
        return new Figures(c.params(), c.macs());
    }
}
