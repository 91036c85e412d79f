package org.tinytitans.engine.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.weights.KerasH5;
import java.util.Map;
import org.tinytitans.engine.weights.Safetensors;
import org.tinytitans.engine.weights.Tensor;
import org.tinytitans.engine.weights.TorchvisionNames;
import org.tinytitans.engine.zoo.Zoo;

/** The entry point the CLI and jobs use to get a network: a zoo model with weights picked by file extension. */
public final class Models {

    public static final long DEFAULT_SEED = 42;

    private Models() {}

    /**
     * Loads {@code zooName} with weights from {@code weights}: {@code .h5} (Keras save_weights), {@code .safetensors}
     * (tensor names as {@link ParamNames}, or torchvision's state-dict names for resnet50 / mobilenetv2), {@code .tt} (our own file; it carries its graph, so a pruned model loads
     * and {@code zooName} may be null). Null weights give a randomly initialised network for {@code seed}.
     * Errors name the file and, for shape mismatches, the tensor and both shapes.
     */
    public static Network load(String zooName, Path weights, int classes, long seed) throws IOException {
        if (weights != null && ext(weights).equals("tt")) {
            return ModelFile.load(weights);
        }
        if (zooName == null) {
            throw new IllegalArgumentException("a model name is needed" + (weights == null ? "" : " for " + weights.getFileName()));
        }
        Graph g = Zoo.build(zooName, classes);
        Network net = Network.create(g, seed);
        if (weights == null) {
            return net;
        }
        try {
            if (!Files.isRegularFile(weights)) {
                throw new IOException(weights + ": no such weights file");
            }
            switch (ext(weights)) {
                case "h5", "hdf5", "keras" -> WeightsIO.load(net, KerasH5.read(weights, g), weights.toString());
                case "safetensors" -> {
                    Map<String, Tensor> t = Safetensors.read(weights);
                    if (TorchvisionNames.supports(zooName) && !t.containsKey("stem.conv.weight")) {
                        t = TorchvisionNames.rename(zooName, t);
                    }
                    WeightsIO.load(net, t, weights.toString());
                }
                default -> throw new IOException(weights + ": unknown weights format; use .h5, .safetensors or .tt");
            }
            return net;
        } catch (IOException | RuntimeException e) {
            net.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    public static Network load(String zooName, Path weights, int classes) throws IOException {
        return load(zooName, weights, classes, DEFAULT_SEED);
    }

    /** Writes the weights alone as safetensors (engine names); the architecture is the zoo model's. */
    public static void saveSafetensors(Network net, Path file) throws IOException {
        Safetensors.write(file, WeightsIO.tensors(net));
    }

    private static String ext(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
