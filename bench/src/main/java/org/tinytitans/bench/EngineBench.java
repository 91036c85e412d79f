package org.tinytitans.bench;

import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.latency.Roofline;
import org.tinytitans.engine.latency.ThreadSettings;
import org.tinytitans.engine.model.InferenceForm;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.prune.Scope;
import org.tinytitans.engine.prune.WeightPruning;
import org.tinytitans.engine.train.NoGrad;

/**
 * The engine's own speed-ups, in one process: the GEMM roofline, ResNet-56 dense against L1 filter pruning at
 * 25/50/75% per layer (all four interleaved round by round, batch 1 and 128), and 50% unstructured magnitude
 * pruning against its dense twin.
 */
public final class EngineBench {

    private final Path repo;
    private final boolean quick;

    public EngineBench(Path repo, boolean quick) {
        this.repo = repo;
        this.quick = quick;
    }

    public String run() throws IOException {
        StringBuilder md = new StringBuilder("## Engine: structured against unstructured pruning (ResNet-56, CPU)\n\n");
        ThreadSettings threads = ThreadSettings.current();
        md.append("One JVM, DJL 0.36 / PyTorch 2.7.1, ").append(threads.intraOpThreads()).append(" intra-op and ")
                .append(threads.interOpThreads()).append(" inter-op threads; settings in force: `").append(threads.settings())
                .append("`. Model: the tutorial's Keras-layout ResNet-56 (`resnet56`) with ")
                .append(Nets.tutorialWeights(repo, "ResNet56++.h5") != null ? "its trained weights (ResNet56++.h5)" : "seeded random weights")
                .append("; pruned = L1 norm, per layer, every prunable conv (engine `FilterPruning`). Each round times every model once ")
                .append("on the same N(0,1) input, rotating the order, after untimed warm-up rounds (10 at batch 1, 4 at batch 128: the first batch-128 passes of a fresh process are several times slower); p50 over the timed rounds.\n\n");
        double gmacs = roofline(md);
        try (Network dense = Nets.resnet(repo, 56)) {
            Map<String, Network> models = new LinkedHashMap<>();
            models.put("dense", dense);
            for (double r : new double[] {0.25, 0.5, 0.75}) {
                models.put(Table.pct(r).replace(".0", "") + " filters", Nets.pruneL1(dense, r));
            }
            // 30% of 16/32/64 leaves 11/22/45 channels; round-to 8 keeps 16/24/48, vector-width multiples
            models.put("30% filters", Nets.pruneL1(dense, 0.3));
            models.put("30% filters, round-to 8", Nets.pruneL1(dense, 0.3, 8));
            structured(md, models, gmacs);
            models.values().stream().filter(n -> n != dense).forEach(Network::close);
            unstructured(md, dense);
        }
        return md.toString();
    }

    /** The engine's roofline (engine `Roofline`, as every result reports it), here on a 2048^3 matmul. */
    private double roofline(StringBuilder md) {
        int runs = quick ? 4 : 10;
        double best = Roofline.gmacs(2048, runs);
        md.append("GEMM roofline (engine `Roofline`: 2048x2048 by 2048x2048 fp32 `matMul` in DJL, best of ").append(runs)
                .append(" runs): **").append(Table.num("%.1f", best)).append(" GMAC/s** (the roofline below; results use a 1024^3 matmul). ")
                .append("Convolutions go through oneDNN, which can beat this GEMM, so a share above 100% is possible.\n\n");
        return best;
    }

    private void structured(StringBuilder md, Map<String, Network> models, double gmacs) {
        long denseMacs = models.get("dense").graph().counts().macs();
        for (int batch : new int[] {1, 128}) {
            System.err.println("engine: structured, batch " + batch);
            int runs = batch == 1 ? (quick ? 20 : 50) : (quick ? 4 : 12);
            Map<String, Samples> t = interleaveForms(models, batch, runs, batch == 1 ? 10 : 4);
            Samples d = t.get("dense");
            Table table = new Table("model", "MACs/sample", "FLOPs ratio (dense/pruned)", "p50 (ms)", "min (ms)",
                    "speed-up (p50)", "speed-up (paired)", "paired speed-up / FLOPs ratio", "achieved GMAC/s (p50)", "of roofline");
            for (Map.Entry<String, Samples> e : t.entrySet()) {
                long macs = models.getOrDefault(e.getKey(), models.get("dense")).graph().counts().macs();
                double flopsRatio = (double) denseMacs / macs, speedup = d.p50() / e.getValue().p50();
                double paired = e.getValue().pairedSpeedupOver(d);
                double achieved = (double) macs * batch / (e.getValue().p50() / 1e3) / 1e9;
                table.row(e.getKey(), Table.num("%.1f M", macs / 1e6), Table.ratio(flopsRatio), Table.ms(e.getValue().p50()),
                        Table.ms(e.getValue().min()), Table.ratio(speedup), Table.ratio(paired), Table.num("%.2f", paired / flopsRatio),
                        Table.num("%.1f", achieved), Table.pct(achieved / gmacs));
            }
            md.append("### Batch ").append(batch).append(" (").append(runs).append(" interleaved rounds)\n\n").append(table.markdown()).append("\n");
        }
        md.append("Every model is timed in its deployed form (engine `InferenceForm`: batch norms folded into their convs, ")
                .append("as a job times it); `").append(UNFOLDED).append("` is the dense model as trained, for the fold's own gain. ")
                .append("`speed-up (paired)` is the median of the per-round ratios dense/pruned (each round times both back to back), ")
                .append("the figure least moved by neighbours' load. Issue 3's aim: speed-up at batch 128 at least 0.8 of the FLOPs ratio ")
                .append("(column `paired speed-up / FLOPs ratio`).\n\n");
    }

    private void unstructured(StringBuilder md, Network dense) {
        System.err.println("engine: unstructured");
        try (Network masked = dense.copy()) {
            WeightPruning.Result r = WeightPruning.apply(masked, WeightPruning.Rule.MAGNITUDE, 0.5, Scope.PER_LAYER, null, List.of(), 1);
            Map<String, Network> pair = new LinkedHashMap<>();
            pair.put("dense", dense);
            pair.put("50% weights zeroed", masked);
            Table table = new Table("batch", "dense p50 (ms)", "zeroed p50 (ms)", "speed-up (p50)", "speed-up (paired)", "nonzero params");
            for (int batch : new int[] {1, 128}) {
                Map<String, Samples> t = interleave(pair, batch, batch == 1 ? (quick ? 20 : 60) : (quick ? 4 : 12), batch == 1 ? 5 : 3);
                table.row(batch, Table.ms(t.get("dense").p50()), Table.ms(t.get("50% weights zeroed").p50()),
                        Table.ratio(t.get("dense").p50() / t.get("50% weights zeroed").p50()),
                        Table.ratio(t.get("50% weights zeroed").pairedSpeedupOver(t.get("dense"))), r.nonzeroParams() + " of " + dense.parameterCount());
            }
            md.append("### Unstructured: 50% of each kernel's weights zeroed by magnitude (engine `WeightPruning`)\n\n")
                    .append(table.markdown()).append("\nZeroed weights are still multiplied: dense kernels gain nothing, ")
                    .append("as expected; only the nonzero count falls (").append(Table.pct(r.sparsity())).append(" of kernel weights).\n\n");
        }
    }

    static final String UNFOLDED = "dense, batch norms unfolded";

    /** {@link #interleave} over the models' inference forms, plus the dense model's training form. */
    static Map<String, Samples> interleaveForms(Map<String, Network> models, int batch, int runs, int warmup) {
        Map<String, InferenceForm> forms = new LinkedHashMap<>();
        models.forEach((n, net) -> forms.put(n, InferenceForm.of(net)));
        try {
            Map<String, Block> blocks = new LinkedHashMap<>();
            forms.forEach((n, f) -> blocks.put(n, f.block()));
            blocks.put(UNFOLDED, models.get("dense").block());
            return interleaveBlocks(blocks, batch, runs, warmup);
        } finally {
            forms.values().forEach(InferenceForm::close);
        }
    }

    static Map<String, Samples> interleave(Map<String, Network> models, int batch, int runs, int warmup) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        models.forEach((n, net) -> blocks.put(n, net.block()));
        return interleaveBlocks(blocks, batch, runs, warmup);
    }

    /** Interleaved rounds: every model once per round, starting model rotating; warm-up rounds dropped. */
    private static Map<String, Samples> interleaveBlocks(Map<String, Block> models, int batch, int runs, int warmup) {
        List<String> names = new ArrayList<>(models.keySet());
        long[] shape = {batch, 3, 32, 32};
        float[] input = Nets.input(shape, 7);
        Map<String, double[]> ms = new LinkedHashMap<>();
        names.forEach(n -> ms.put(n, new double[runs]));
        NoGrad.run(() -> {
            for (int round = -warmup; round < runs; round++) {
                for (int k = 0; k < names.size(); k++) {
                    String n = names.get(Math.floorMod(round + k, names.size()));
                    double t = Nets.forwardMs(models.get(n), input, shape);
                    if (round >= 0) {
                        ms.get(n)[round] = t;
                    }
                }
            }
        });
        Map<String, Samples> out = new LinkedHashMap<>();
        ms.forEach((n, v) -> out.put(n, new Samples(n, v)));
        return out;
    }
}
