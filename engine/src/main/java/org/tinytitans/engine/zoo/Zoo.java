package org.tinytitans.engine.zoo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.tinytitans.engine.graph.Graph;

/** The named architectures a spec's {@code model NAME} may use. */
public final class Zoo {

    /** One zoo entry: default class count, input size and a one-line description for hover and docs. */
    public record Entry(String name, int classes, int channels, int height, int width, String description,
                        IntFunction<Graph> factory) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        for (int depth : new int[] {20, 32, 44, 56, 110}) {
            String n = "resnet" + depth;
            put(new Entry(n, 10, 3, 32, 32, "CIFAR ResNet-" + depth + " as the tutorial's Keras resnet_v1 (conv bias, "
                    + "1x1 projection shortcuts, BN eps 1e-3, TF 'same' padding); loads the tutorial's .h5 weights",
                    c -> CifarResNets.keras(n, depth, c)));
        }
        for (int depth : new int[] {20, 32, 44, 56, 110}) {
            String n = "resnet" + depth + "-he";
            put(new Entry(n, 10, 3, 32, 32, "CIFAR ResNet-" + depth + " of He et al. 2016 (option-A shortcuts, "
                    + "no conv bias, BN eps 1e-5)", c -> CifarResNets.he(n, depth, c)));
        }
        put(new Entry("vgg16-cifar", 10, 3, 32, 32, "VGG-16 with BN for CIFAR, 512-512-classes head", SmallNets::vgg16Cifar));
        put(new Entry("resnet50", 1000, 3, 224, 224, "ResNet-50 v1.5 for ImageNet (torchvision layout)", ImageNetNets::resnet50));
        put(new Entry("mobilenetv2", 1000, 3, 224, 224, "MobileNetV2 1.0 for ImageNet (torchvision layout)", ImageNetNets::mobilenetV2));
        put(new Entry("mnist-cnn", 10, 1, 28, 28, "small 2-conv CNN for MNIST (28x28 grey)", SmallNets::mnistCnn));
    }

    private Zoo() {}

    private static void put(Entry e) { ENTRIES.put(e.name(), e); }

    public static List<String> names() { return List.copyOf(ENTRIES.keySet()); }

    public static boolean has(String name) { return ENTRIES.containsKey(name); }

    public static Entry entry(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", names()));
        }
        return e;
    }

    public static Graph build(String name) { return build(name, entry(name).classes()); }

    public static Graph build(String name, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("a model needs at least 1 class, not " + classes);
        }
        return entry(name).factory().apply(classes);
    }
}
