package org.tinytitans.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tinytitans.engine.graph.FilterGroup;
import org.tinytitans.engine.graph.FilterGroups;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.search.LatencyTable;
import org.tinytitans.engine.search.PlanTiming;
import org.tinytitans.engine.train.Progress;
import org.tinytitans.engine.zoo.Zoo;

/**
 * The search's latency table against reality: per model and batch, the table is measured, then dense and a few
 * per-layer plans (uniform ratios, one stage pruned hard, seeded random per-layer ratios) are built and timed
 * interleaved as whole networks; the section prints predicted and measured ms (fastest pass of each), their
 * ratio, and whether the table orders the plans as they measure (Spearman's rho over dense and the plans).
 */
final class LatencyTableBench {

    private final boolean quick;

    LatencyTableBench(boolean quick) { this.quick = quick; }

    String run() {
        int runs = quick ? 10 : 30;
        Table t = new Table("model", "batch", "plan", "predicted ms", "measured ms", "predicted / measured");
        Table rank = new Table("model", "batch", "table (s)", "plans", "Spearman rho (predicted vs measured)");
        Object[][] cases = quick ? new Object[][] {{"mnist-cnn", 64}, {"resnet20", 8}}
                : new Object[][] {{"mnist-cnn", 1}, {"mnist-cnn", 64}, {"resnet20", 1}, {"resnet20", 8}, {"resnet56", 1}};
        for (Object[] c : cases) {
            String model = (String) c[0];
            int batch = (Integer) c[1];
            Graph g = Zoo.build(model);
            long t0 = System.nanoTime();
            LatencyTable table = LatencyTable.measure(g, List.of(0.2, 0.4, 0.6, 0.8), batch, 3, runs, 1, Progress.NONE);
            double tableS = (System.nanoTime() - t0) / 1e9;
            Map<String, Map<String, Double>> plans = plans(g);
            Map<String, Double> measured = PlanTiming.measure(g, plans, batch, 3, runs, 1);
            List<Double> p = new ArrayList<>();
            List<Double> m = new ArrayList<>();
            p.add(table.denseMs());
            m.add(measured.get("dense"));
            t.row(model, batch, "dense", Table.ms(table.denseMs()), Table.ms(measured.get("dense")), ratio(table.denseMs(), measured.get("dense")));
            for (var e : plans.entrySet()) {
                double pred = table.predictMs(e.getValue());
                p.add(pred);
                m.add(measured.get(e.getKey()));
                t.row(model, batch, e.getKey(), Table.ms(pred), Table.ms(measured.get(e.getKey())), ratio(pred, measured.get(e.getKey())));
                // as it goes: a long full run that is stopped still leaves its finished models in the log
                System.err.println("latency-table: " + model + " batch " + batch + " " + e.getKey() + " predicted " + Table.ms(pred)
                        + " measured " + Table.ms(measured.get(e.getKey())));
            }
            rank.row(model, batch, String.format(Locale.ROOT, "%.1f", tableS), plans.size() + 1, String.format(Locale.ROOT, "%.2f", spearman(p, m)));
            System.err.println("latency-table: " + model + " batch " + batch + " done, dense predicted " + Table.ms(table.denseMs())
                    + " measured " + Table.ms(measured.get("dense")) + ", Spearman rho " + String.format(Locale.ROOT, "%.2f", spearman(p, m)));
        }
        return "## Latency table: predicted against measured\n\n"
                + "The search's NetAdapt-style table (`LatencyTable`: each prunable conv's segment timed at the widths that 20/40/60/80%"
                + " keep, interleaved with the dense network) predicts each plan as dense minus the per-layer savings; the plans are"
                + " then built and timed as whole networks, interleaved with dense (" + runs + " rounds, fastest pass of each, 3 warm-up).\n\n"
                + t.markdown() + "\n" + rank.markdown() + "\n";
    }

    private static Map<String, Map<String, Double>> plans(Graph g) {
        List<FilterGroup> groups = FilterGroups.of(g);
        Map<String, Map<String, Double>> plans = new LinkedHashMap<>();
        for (double r : new double[] {0.3, 0.5, 0.7}) {
            Map<String, Double> u = new LinkedHashMap<>();
            groups.forEach(fg -> u.put(fg.conv(), r));
            plans.put("uniform " + Math.round(r * 100) + "%", u);
        }
        Map<String, Double> late = new LinkedHashMap<>();
        for (int i = groups.size() / 2; i < groups.size(); i++) {
            late.put(groups.get(i).conv(), 0.8);
        }
        plans.put("second half of the convs 80%", late);
        Random rnd = new Random(7);
        for (int k = 1; k <= 2; k++) {
            Map<String, Double> r = new LinkedHashMap<>();
            groups.forEach(fg -> r.put(fg.conv(), 0.1 * rnd.nextInt(9)));
            plans.put("random per-layer " + k, r);
        }
        return plans;
    }

    private static String ratio(double a, double b) { return String.format(Locale.ROOT, "%.2f", a / b); }

    static double spearman(List<Double> a, List<Double> b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        int n = ra.length;
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
        }
        return 1 - 6 * d2 / (n * ((double) n * n - 1));
    }

    private static double[] ranks(List<Double> v) {
        double[] r = new double[v.size()];
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r.length; j++) {
                if (v.get(j) < v.get(i)) {
                    r[i]++;
                }
            }
        }
        return r;
    }
}
