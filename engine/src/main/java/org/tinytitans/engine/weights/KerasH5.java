package org.tinytitans.engine.weights;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.graph.Layer;

/**
 * Reads Keras {@code save_weights} HDF5 files (the tutorial's Keras 2.1.2 layout: root attribute
 * {@code layer_names}, each layer's {@code weight_names}, datasets at {@code /<layer>/<layer>/<var>:0}).
 * Weighted layers are paired with the graph's conv / batch-norm / dense layers in order, kind by kind, and
 * every tensor is shape-checked; the first mismatch names the file, the dataset and both shapes.
 * Layouts are converted: conv kernels HWIO to OIHW (depthwise HW C 1 to C 1 HW), dense (in,out) to (out,in),
 * BN moving_mean / moving_variance to running_mean / running_var.
 */
public final class KerasH5 {

    private KerasH5() {}

    /** The graph's tensors (engine names and layouts) read from the file. */
    public static Map<String, Tensor> read(Path file, Graph g) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such weights file");
        }
        try (HdfFile h5 = new HdfFile(file)) {
            Map<Kind, List<String>> fileLayers = weightedLayers(file, h5);
            Map<Kind, List<Layer>> graphLayers = new LinkedHashMap<>();
            for (Layer l : g.layers()) {
                if (l.kind().hasWeights()) {
                    graphLayers.computeIfAbsent(l.kind(), k -> new ArrayList<>()).add(l);
                }
            }
            for (Kind k : List.of(Kind.CONV, Kind.BATCH_NORM, Kind.DENSE)) {
                int inFile = fileLayers.getOrDefault(k, List.of()).size(), inGraph = graphLayers.getOrDefault(k, List.of()).size();
                if (inFile != inGraph) {
                    throw new IOException(file + ": holds " + inFile + " " + label(k) + " layers but model " + g.name() + " has " + inGraph);
                }
            }
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (Map.Entry<Kind, List<Layer>> e : graphLayers.entrySet()) {
                for (int i = 0; i < e.getValue().size(); i++) {
                    convert(file, h5, fileLayers.get(e.getKey()).get(i), e.getValue().get(i), out);
                }
            }
            return out;
        } catch (RuntimeException e) {
            throw new IOException(file + ": cannot read as Keras HDF5 weights: " + e.getMessage(), e);
        }
    }

    private static Map<Kind, List<String>> weightedLayers(Path file, HdfFile h5) throws IOException {
        Attribute names = h5.getAttribute("layer_names");
        if (names == null) {
            throw new IOException(file + ": has no 'layer_names' attribute; expected a Keras save_weights file");
        }
        Map<Kind, List<String>> byKind = new LinkedHashMap<>();
        for (String layer : strings(names.getData())) {
            List<String> w = weightNames(h5, layer);
            if (w.isEmpty()) {
                continue;
            }
            Kind k = w.stream().anyMatch(n -> n.endsWith("gamma:0") || n.endsWith("moving_mean:0")) ? Kind.BATCH_NORM
                    : h5.getDatasetByPath(layer + "/" + w.get(0)).getDimensions().length == 2 ? Kind.DENSE : Kind.CONV;
            byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(layer);
        }
        return byKind;
    }

    private static List<String> weightNames(HdfFile h5, String layer) {
        Node n = h5.getByPath(layer);
        Attribute a = n.getAttribute("weight_names");
        // jhdf returns null data for Keras' empty weight_names of Activation/Add/Input layers.
        return a == null || a.getData() == null ? List.of() : strings(a.getData());
    }

    private static void convert(Path file, HdfFile h5, String fileLayer, Layer l, Map<String, Tensor> out) throws IOException {
        Map<String, String> byVar = new LinkedHashMap<>();
        for (String w : weightNames(h5, fileLayer)) {
            String var = w.substring(w.lastIndexOf('/') + 1).replace(":0", "");
            byVar.put(var, fileLayer + "/" + w);
        }
        String n = l.name() + ".";
        switch (l.kind()) {
            case CONV -> {
                int cin = l.in() / l.groups();
                long[] hwio = l.depthwise() ? new long[] {l.kernel(), l.kernel(), l.in(), 1} : new long[] {l.kernel(), l.kernel(), cin, l.out()};
                float[] k = data(file, h5, byVar, fileLayer, l.depthwise() ? "depthwise_kernel" : "kernel", hwio);
                out.put(n + "weight", new Tensor(new long[] {l.out(), cin, l.kernel(), l.kernel()}, hwioToOihw(k, hwio)));
                bias(file, h5, byVar, fileLayer, l, out);
            }
            case DENSE -> {
                float[] k = data(file, h5, byVar, fileLayer, "kernel", new long[] {l.in(), l.out()});
                out.put(n + "weight", new Tensor(new long[] {l.out(), l.in()}, transpose(k, l.in(), l.out())));
                bias(file, h5, byVar, fileLayer, l, out);
            }
            default -> {
                String[][] pairs = {{"gamma", "gamma"}, {"beta", "beta"}, {"moving_mean", "running_mean"}, {"moving_variance", "running_var"}};
                for (String[] p : pairs) {
                    out.put(n + p[1], new Tensor(new long[] {l.out()}, data(file, h5, byVar, fileLayer, p[0], new long[] {l.out()})));
                }
            }
        }
    }

    private static void bias(Path file, HdfFile h5, Map<String, String> byVar, String fileLayer, Layer l, Map<String, Tensor> out) throws IOException {
        if (l.bias()) {
            out.put(l.name() + ".bias", new Tensor(new long[] {l.out()}, data(file, h5, byVar, fileLayer, "bias", new long[] {l.out()})));
        } else if (byVar.containsKey("bias")) {
            throw new IOException(file + ": dataset " + byVar.get("bias") + " is a bias, but layer " + l.name() + " has none");
        }
    }

    private static float[] data(Path file, HdfFile h5, Map<String, String> byVar, String fileLayer, String var, long[] expected) throws IOException {
        String path = byVar.get(var);
        if (path == null) {
            throw new IOException(file + ": layer " + fileLayer + " has no '" + var + "' dataset (has " + byVar.keySet() + ")");
        }
        Dataset d = h5.getDatasetByPath(path);
        long[] found = Arrays.stream(d.getDimensions()).asLongStream().toArray();
        if (!Arrays.equals(found, expected)) {
            throw new IOException(file + ": dataset /" + path + " has shape " + Arrays.toString(found) + " but the model expects "
                    + Arrays.toString(expected));
        }
        Object flat = d.getDataFlat();
        if (flat instanceof float[] f) {
            return f;
        }
        if (flat instanceof double[] dd) {
            float[] f = new float[dd.length];
            for (int i = 0; i < dd.length; i++) {
                f[i] = (float) dd[i];
            }
            return f;
        }
        throw new IOException(file + ": dataset /" + path + " holds " + d.getJavaType() + ", not floats");
    }

    static float[] hwioToOihw(float[] k, long[] hwio) {
        int kh = (int) hwio[0], kw = (int) hwio[1], ci = (int) hwio[2], co = (int) hwio[3];
        boolean depthwise = co == 1 && ci > 1;
        float[] out = new float[k.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < ci; i++) {
                    for (int o = 0; o < co; o++) {
                        int src = ((h * kw + w) * ci + i) * co + o;
                        // Depthwise (H,W,C,1) becomes (C,1,H,W): the channel is the output axis.
                        int oo = depthwise ? i : o, ii = depthwise ? 0 : i, cin = depthwise ? 1 : ci;
                        out[((oo * cin + ii) * kh + h) * kw + w] = k[src];
                    }
                }
            }
        }
        return out;
    }

    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    private static List<String> strings(Object data) {
        if (data instanceof String[] s) {
            return List.of(s);
        }
        if (data instanceof String s) {
            return List.of(s);
        }
        throw new IllegalArgumentException("expected a string array attribute, found " + (data == null ? "nothing" : data.getClass().getSimpleName()));
    }

    private static String label(Kind k) {
        return switch (k) {
            case CONV -> "conv";
            case BATCH_NORM -> "batch-norm";
            default -> "dense";
        };
    }
}
