package org.tinytitans.engine.search;

import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Rewrites;
import org.tinytitans.engine.latency.LatencyConfig;
import org.tinytitans.engine.latency.LatencyHarness;
import org.tinytitans.engine.latency.LatencyReport;
import org.tinytitans.engine.latency.LatencyStats;
import org.tinytitans.engine.model.InferenceForm;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.prune.FilterPlanner;
import org.tinytitans.engine.train.Progress;

/**
 * Times whole pruned networks, the reality a {@link LatencyTable} predicts: each plan (conv name to removed
 * fraction) becomes the narrower graph, and all of them run interleaved with the dense network in their inference
 * form. Latency does not depend on the weights' values, so every network gets fresh ones.
 */
public final class PlanTiming {

    private PlanTiming() {}

    /** Fastest pass (ms per batch) of "dense" and of each named plan, as the latency table times its segments. */
    public static Map<String, Double> measure(Graph g, Map<String, Map<String, Double>> plans, int batch, int warmup, int runs, long seed) {
        List<Network> nets = new ArrayList<>();
        List<InferenceForm> forms = new ArrayList<>();
        try {
            Map<String, Block> models = new LinkedHashMap<>();
            models.put("dense", add(Network.create(g, seed), nets, forms));
            plans.forEach((name, ratios) -> models.put(name, add(Network.create(narrowed(g, ratios), seed), nets, forms)));
            LatencyReport report = LatencyHarness.run(models,
                    new LatencyConfig(new long[] {batch, g.inputLayer().out(), g.height(), g.width()}, warmup, runs, seed), Progress.NONE);
            Map<String, Double> ms = new LinkedHashMap<>();
            for (LatencyStats s : report.models()) {
                ms.put(s.model(), s.min());
            }
            return ms;
        } finally {
            forms.forEach(InferenceForm::close);
            nets.forEach(Network::close);
        }
    }

    /** The graph a per-layer plan leaves, with the planner's per-layer rounding. */
    public static Graph narrowed(Graph g, Map<String, Double> ratios) {
        Map<String, Integer> widths = new LinkedHashMap<>();
        ratios.forEach((layer, r) -> widths.put(layer, FilterPlanner.keptFilters(r, g.layer(layer).out())));
        return Rewrites.withWidths(g, widths);
    }

    private static Block add(Network net, List<Network> nets, List<InferenceForm> forms) {
        nets.add(net);
        InferenceForm form = InferenceForm.of(net);
        forms.add(form);
        return form.block();
    }
}
