package org.tinytitans.engine.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tinytitans.engine.graph.Dims;
import org.tinytitans.engine.graph.FilterGroup;
import org.tinytitans.engine.graph.FilterGroups;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.latency.LatencyConfig;
import org.tinytitans.engine.latency.LatencyHarness;
import org.tinytitans.engine.latency.LatencyReport;
import org.tinytitans.engine.latency.Percentiles;
import org.tinytitans.engine.model.InferenceForm;
import org.tinytitans.engine.model.Network;
import org.tinytitans.engine.prune.FilterPlanner;
import org.tinytitans.engine.runtime.Devices;
import org.tinytitans.engine.train.Progress;

/**
 * NetAdapt's measured latency model of a vision CNN on the device it runs on: for every prunable conv, the
 * fastest pass of its segment ({@link LayerSegment}: the conv with its batch norm folded as the inference form
 * runs it, the ReLU/pooling after it and the layers reading its channels) at each candidate kept width, timed
 * interleaved width against width and against the whole dense network; plus that dense network's fastest pass. A
 * plan's latency is the dense latency minus each layer's saving, {@code ms(full width) - ms(kept width)}: the additive model of NetAdapt (Yang et al. 2018),
 * which ignores that two adjacent pruned convs shrink each other's shared segment twice (the error this costs is
 * measured in docs/search.md, "Latency table").
 *
 * <p>Fastest passes rather than medians: a pass is only ever slowed by neighbours (descheduling, a cache another
 * process emptied), and a segment's 0.5 ms passes are hit differently from the dense network's 20 ms ones, so on a
 * shared machine the minimum is the estimate of a layer's own cost that moves least between rounds; on a quiet one
 * the two differ by a few percent. The winner's latency is then measured for real (p50) against its {@code expect}.
 */
public final class LatencyTable implements LatencyPredictor {

    /** One conv's row: kept widths ascending (the last is the full width) and the segment's fastest pass (ms) at each. */
    public record Row(String layer, int[] widths, double[] ms) {
        public Row {
            if (widths.length == 0 || widths.length != ms.length) {
                throw new IllegalArgumentException("layer " + layer + ": " + widths.length + " widths but " + ms.length + " times");
            }
            widths = widths.clone();
            ms = ms.clone();
        }

        public int fullWidth() { return widths[widths.length - 1]; }

        /** The segment's time at a kept width: linear between the measured widths, clamped below the narrowest. */
        public double msAt(int width) {
            if (width >= fullWidth()) {
                return ms[ms.length - 1];
            }
            if (width <= widths[0]) {
                return ms[0];
            }
            int i = 1;
            while (widths[i] < width) {
                i++;
            }
            double t = (double) (width - widths[i - 1]) / (widths[i] - widths[i - 1]);
            return ms[i - 1] + t * (ms[i] - ms[i - 1]);
        }
    }

    private final String device;
    private final int batch;
    private final double denseMs;
    private final Map<String, Row> rows;

    public LatencyTable(String device, int batch, double denseMs, List<Row> rows) {
        this.device = device;
        this.batch = batch;
        this.denseMs = denseMs;
        this.rows = new LinkedHashMap<>();
        rows.forEach(r -> this.rows.put(r.layer(), r));
    }

    /**
     * Times every prunable conv of {@code g} at the widths the ratios keep (per-layer rounding as
     * {@link FilterPlanner#keptFilters}) and at full width, and the dense network, on the current device.
     *
     * @param ratios  candidate removed fractions, e.g. the search's sensitivity ratios 20%, 40%, 60%, 80%
     * @param batch   the experiment's {@code latency { batch }}
     * @param warmup  untimed interleaved rounds per layer
     * @param runs    timed rounds per layer (the fastest of these is kept)
     */
    public static LatencyTable measure(Graph g, List<Double> ratios, int batch, int warmup, int runs, long seed, Progress progress) {
        List<FilterGroup> groups = FilterGroups.of(g);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException(g.name() + " has no prunable convolution to time");
        }
        List<Row> raw = new ArrayList<>();
        double[] denseInRow = new double[groups.size()];
        try (Network net = Network.create(g, seed); InferenceForm dense = InferenceForm.of(net); NDManager inputs = Devices.manager()) {
            NDArray denseInput = input(inputs, new long[] {batch, g.inputLayer().out(), g.height(), g.width()}, seed);
            for (int i = 0; i < groups.size(); i++) {
                FilterGroup group = groups.get(i);
                progress.update("latency table", i, groups.size(), "timing " + group.conv());
                Map<String, Double> ms = row(g, group, ratios, batch, warmup, runs, seed, dense.block(), denseInput, inputs);
                denseInRow[i] = ms.remove("dense");
                raw.add(new Row(group.conv(), ms.keySet().stream().mapToInt(Integer::parseInt).toArray(),
                        ms.values().stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        progress.update("latency table", groups.size(), groups.size(), null);
        // Each layer's widths ran interleaved with the dense network, so a neighbour's load that slowed a layer's
        // rounds slowed its dense passes alike: every row is rescaled to the median over rows of the dense time.
        double denseMs = Percentiles.of(denseInRow, 50);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            double scale = denseMs / denseInRow[i];
            rows.add(new Row(raw.get(i).layer(), raw.get(i).widths(), nonDecreasing(Arrays.stream(raw.get(i).ms()).map(v -> v * scale).toArray())));
        }
        return new LatencyTable(Devices.current().getDeviceType(), batch, denseMs, rows);
    }

    /** Fastest pass (ms) of the segment at each width (ascending) and of the dense network ("dense"), timed interleaved. */
    private static Map<String, Double> row(Graph g, FilterGroup group, List<Double> ratios, int batch, int warmup, int runs,
                                           long seed, Block dense, NDArray denseInput, NDManager inputs) {
        TreeSet<Integer> widths = new TreeSet<>();
        widths.add(group.width());
        ratios.forEach(r -> widths.add(FilterPlanner.keptFilters(r, group.width())));
        List<Network> nets = new ArrayList<>();
        List<InferenceForm> forms = new ArrayList<>();
        try {
            Dims in = g.inputShape(group.conv());
            NDArray x = input(inputs, new long[] {batch, in.c(), in.h(), in.w()}, seed);
            Map<String, LatencyHarness.Timed> models = new LinkedHashMap<>();
            for (int w : widths) {
                Network net = Network.create(LayerSegment.of(g, group, w), seed);
                nets.add(net);
                InferenceForm form = InferenceForm.of(net);
                forms.add(form);
                models.put(Integer.toString(w), (ignored, shape) -> LatencyHarness.timeOnce(form.block(), x));
            }
            models.put("dense", (ignored, shape) -> LatencyHarness.timeOnce(dense, denseInput));
            // the harness's own input is not used (each model has its own shape); a 1-element shape keeps it tiny
            LatencyReport report = LatencyHarness.run(models, LatencyHarness.ENGINE, new LatencyConfig(new long[] {1}, warmup, runs, seed),
                    Progress.NONE);
            Map<String, Double> ms = new LinkedHashMap<>();
            report.models().forEach(s -> ms.put(s.model(), s.min()));
            return ms;
        } finally {
            forms.forEach(InferenceForm::close);
            nets.forEach(Network::close);
        }
    }

    /**
     * The closest non-decreasing sequence (least squares, pool-adjacent-violators): a segment with more filters does
     * no less work, so a wider width timed faster than a narrower one is noise (a neighbour took the core during
     * the narrower one's rounds, seen at batch 8 on ResNet-20: 2.39 ms at 10 filters, 0.74 at 13), and pooling
     * the two halves its effect on a plan's saving.
     */
    static double[] nonDecreasing(double[] v) {
        int n = v.length;
        double[] sum = new double[n];
        int[] count = new int[n];
        int blocks = 0;
        for (double x : v) {
            sum[blocks] = x;
            count[blocks] = 1;
            blocks++;
            while (blocks > 1 && sum[blocks - 2] / count[blocks - 2] > sum[blocks - 1] / count[blocks - 1]) {
                sum[blocks - 2] += sum[blocks - 1];
                count[blocks - 2] += count[blocks - 1];
                blocks--;
            }
        }
        double[] out = new double[n];
        int k = 0;
        for (int b = 0; b < blocks; b++) {
            for (int j = 0; j < count[b]; j++) {
                out[k++] = sum[b] / count[b];
            }
        }
        return out;
    }

    private static NDArray input(NDManager m, long[] shape, long seed) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        java.util.Random r = new java.util.Random(seed);
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return m.create(v, new Shape(shape));
    }

    /**
     * The predicted latency (ms per batch) of the plan removing {@code ratios.get(layer)} of each listed conv's
     * filters; unlisted convs keep all theirs.
     */
    @Override
    public double predictMs(Map<String, Double> ratios) {
        double ms = denseMs;
        for (Map.Entry<String, Double> e : ratios.entrySet()) {
            Row r = rows.get(e.getKey());
            if (r == null) {
                throw new IllegalArgumentException("the latency table has no prunable layer " + e.getKey() + "; it has " + rows.keySet());
            }
            ms -= r.msAt(r.fullWidth()) - r.msAt(FilterPlanner.keptFilters(e.getValue(), r.fullWidth()));
        }
        return ms;
    }

    public String device() { return device; }

    public int batch() { return batch; }

    /** The dense network's fastest pass, ms per batch. */
    public double denseMs() { return denseMs; }

    public List<Row> rows() { return List.copyOf(rows.values()); }

    /** The result JSON's {@code search.latency_table} (design contract of issue 18), plus {@code dense_ms}. */
    @Override
    public JsonObject json() {
        JsonObject o = new JsonObject();
        o.addProperty("device", device);
        o.addProperty("batch", batch);
        o.addProperty("dense_ms", denseMs);
        JsonArray layers = new JsonArray();
        for (Row r : rows.values()) {
            JsonObject l = new JsonObject();
            l.addProperty("layer", r.layer());
            JsonArray w = new JsonArray();
            Arrays.stream(r.widths()).forEach(w::add);
            JsonArray ms = new JsonArray();
            Arrays.stream(r.ms()).forEach(ms::add);
            l.add("widths", w);
            l.add("ms", ms);
            layers.add(l);
        }
        o.add("layers", layers);
        return o;
    }

    public static LatencyTable fromJson(JsonObject o) {
        List<Row> rows = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("layers")) {
            JsonObject l = e.getAsJsonObject();
            JsonArray w = l.getAsJsonArray("widths");
            JsonArray ms = l.getAsJsonArray("ms");
            int[] widths = new int[w.size()];
            double[] times = new double[ms.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = w.get(i).getAsInt();
            }
            for (int i = 0; i < times.length; i++) {
                times[i] = ms.get(i).getAsDouble();
            }
            rows.add(new Row(l.get("layer").getAsString(), widths, times));
        }
        return new LatencyTable(o.get("device").getAsString(), o.get("batch").getAsInt(),
                o.has("dense_ms") ? o.get("dense_ms").getAsDouble() : Double.NaN, rows);
    }
}
