package org.tinytitans.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.tinytitans.engine.criteria.Criterion;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.Synthetic;
import org.tinytitans.engine.methods.Methods;
import org.tinytitans.engine.methods.VisionScoring;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.prune.FilterPruning;
import org.tinytitans.engine.prune.LayerPruning;
import org.tinytitans.engine.train.NoGrad;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.language.catalog.ModelFamily;

/** Wall time to score each criterion and to cut the network (50% filters per layer, or 3 blocks) on ResNet-20/56. */
public final class CriteriaBench {

    private final Path repo;
    private final int samples;
    private final double budgetS;

    /** @param budgetS a criterion still scoring after this many seconds is stopped and its full time extrapolated */
    public CriteriaBench(Path repo, int samples, double budgetS) {
        this.repo = repo;
        this.samples = samples;
        this.budgetS = budgetS;
    }

    /** Thrown from the progress callback to stop a scoring run that is over budget. */
    private static final class OverBudget extends RuntimeException {
        final long done, total;

        OverBudget(long done, long total) {
            super(null, null, false, false);
            this.done = done;
            this.total = total;
        }
    }

    private Progress budget(long t0) {
        return (phase, done, total, detail) -> {
            if ((System.nanoTime() - t0) / 1e9 > budgetS && done < total) {
                throw new OverBudget(done, total);
            }
        };
    }

    /** Scores, or null after recording the stopped run in {@code row[0]}. */
    private float[][] score(Criterion c, org.tinytitans.engine.criteria.ScoringModel net, ImageSet data, String[] row) {
        long t0 = System.nanoTime();
        try {
            float[][] s = c.name().equals("taylor") ? c.score(net, data, 1, budget(t0))
                    : NoGrad.call(() -> c.score(net, c.needsData() ? data : null, 1, budget(t0)));
            row[0] = Table.num("%.2f", (System.nanoTime() - t0) / 1e9);
            return s;
        } catch (OverBudget e) {
            double el = (System.nanoTime() - t0) / 1e9;
            row[0] = Table.num("stopped at %.0f s after %d of %d units: about %.0f s in all", el, e.done, e.total, el * e.total / Math.max(1, e.done));
            return null;
        }
    }

    public String run() throws IOException {
        StringBuilder md = new StringBuilder("## Engine: time to score and prune, per criterion\n\n");
        md.append("One run each (a single wall-clock figure, not a distribution: these take seconds), in one JVM after a ")
                .append("warm-up scoring with l1. Data-driven criteria get ").append(samples)
                .append(" synthetic N(0,1) CIFAR-sized images (`Synthetic.normal`, seed 1); the time grows linearly with the sample count. ")
                .append("A criterion still scoring after ").append(Table.num("%.0f", budgetS))
                .append(" s is stopped and its full time extrapolated from the filters done. Filter-level kl-divergence and cka stack ")
                .append("silenced variants (several filters per forward pass, the layers before the filter's conv run once); the rows ")
                .append("marked `one filter per pass` time the same criterion through the reference path (weights zeroed, one pass per filter) ")
                .append("in the same run: the before/after of issue 15. ")
                .append("Filters: score every filter unit, then plan + surgery for 50% per layer. Layers: score every residual block, ")
                .append("then remove 3 blocks.\n\n");
        Table t = new Table("model", "level", "criterion", "score (s)", "prune (s)", "params after");
        ImageSet data = Synthetic.normal(samples, 3, 32, 32, 10, 1);
        for (int depth : new int[] {20, 56}) {
            try (Network net = Nets.resnet(repo, depth)) {
                NoGrad.call(() -> vision("filters", "l1").score(net, null, 1, Progress.NONE));
                for (String name : names("filters")) {
                    System.err.println("criteria: resnet" + depth + " filters " + name);
                    Criterion c = vision("filters", name);
                    String[] took = new String[1];
                    // Taylor needs gradients; the others run in inference mode as jobs run them.
                    float[][] s = score(c, net, data, took);
                    if (s == null) {
                        t.row("resnet" + depth, "filters", name, took[0], "", "");
                        continue;
                    }
                    long t1 = System.nanoTime();
                    try (Network pruned = NoGrad.call(() -> FilterPruning.apply(net, s, 0.5, "per-layer", List.of()))) {
                        long t2 = System.nanoTime();
                        t.row("resnet" + depth, "filters", name, took[0], Table.num("%.2f", (t2 - t1) / 1e9), pruned.parameterCount());
                    }
                }
                for (String name : List.of("kl-divergence", "cka")) {
                    System.err.println("criteria: resnet" + depth + " filters " + name + " one filter per pass");
                    String[] took = new String[1];
                    score(vision("filters", name), new OneFilterPerPass(net), data, took);
                    t.row("resnet" + depth, "filters", name + " (one filter per pass)", took[0], "", "");
                }
                for (String name : names("layers")) {
                    System.err.println("criteria: resnet" + depth + " layers " + name);
                    Criterion c = vision("layers", name);
                    String[] took = new String[1];
                    float[][] s = score(c, net, data, took);
                    if (s == null) {
                        t.row("resnet" + depth, "layers", name, took[0], "", "");
                        continue;
                    }
                    long t1 = System.nanoTime();
                    float[] flat = new float[s.length];
                    for (int i = 0; i < s.length; i++) {
                        flat[i] = s[i][0];
                    }
                    try (Network pruned = NoGrad.call(() -> LayerPruning.apply(net, flat, null, 3, List.of()))) {
                        long t2 = System.nanoTime();
                        t.row("resnet" + depth, "layers", name, took[0], Table.num("%.2f", (t2 - t1) / 1e9), pruned.parameterCount());
                    }
                }
            }
        }
        return md.append(t.markdown()).append("\n").toString();
    }

    /** The residual-model criteria of a granularity, in the registry's order. */
    private static List<String> names(String granularity) {
        return Methods.all().stream().filter(m -> m.info().granularity().equals(granularity) && m.info().family() == ModelFamily.RESIDUAL
                && m instanceof VisionScoring).map(m -> m.info().criterion()).toList();
    }

    private static Criterion vision(String granularity, String name) {
        return ((VisionScoring) Methods.find(granularity, ModelFamily.RESIDUAL, name).orElseThrow()).criterion();
    }
}
