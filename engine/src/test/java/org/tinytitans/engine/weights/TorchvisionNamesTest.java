package org.tinytitans.engine.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.model.ParamNames;
import org.tinytitans.engine.zoo.Zoo;

/** Every torchvision state-dict key maps onto exactly one engine tensor, and every engine tensor is covered. */
class TorchvisionNamesTest {

    private static void bn(List<String> k, String p) {
        for (String v : new String[] {"weight", "bias", "running_mean", "running_var", "num_batches_tracked"}) {
            k.add(p + "." + v);
        }
    }

    private static Set<String> engineNames(Graph g) {
        Set<String> s = new HashSet<>();
        g.layers().forEach(l -> ParamNames.of(l).forEach(t -> s.add(t.name())));
        return s;
    }

    @Test
    void resnet50() {
        List<String> k = new ArrayList<>(List.of("conv1.weight"));
        bn(k, "bn1");
        int[] blocks = {3, 4, 6, 3};
        for (int s = 1; s <= 4; s++) {
            for (int b = 0; b < blocks[s - 1]; b++) {
                for (int c = 1; c <= 3; c++) {
                    k.add("layer" + s + "." + b + ".conv" + c + ".weight");
                    bn(k, "layer" + s + "." + b + ".bn" + c);
                }
                if (b == 0) {
                    k.add("layer" + s + "." + b + ".downsample.0.weight");
                    bn(k, "layer" + s + "." + b + ".downsample.1");
                }
            }
        }
        k.addAll(List.of("fc.weight", "fc.bias"));
        assertEquals(320, k.size()); // torchvision resnet50().state_dict() has 320 entries
        check("resnet50", k);
    }

    @Test
    void mobilenetV2() {
        List<String> k = new ArrayList<>(List.of("features.0.0.weight"));
        bn(k, "features.0.1");
        k.addAll(List.of("features.1.conv.0.0.weight", "features.1.conv.1.weight"));
        bn(k, "features.1.conv.0.1");
        bn(k, "features.1.conv.2");
        for (int i = 2; i <= 17; i++) {
            String p = "features." + i + ".conv.";
            k.addAll(List.of(p + "0.0.weight", p + "1.0.weight", p + "2.weight"));
            bn(k, p + "0.1");
            bn(k, p + "1.1");
            bn(k, p + "3");
        }
        k.add("features.18.0.weight");
        bn(k, "features.18.1");
        k.addAll(List.of("classifier.1.weight", "classifier.1.bias"));
        check("mobilenetv2", k);
    }

    private static void check(String model, List<String> keys) {
        Set<String> engine = engineNames(Zoo.build(model));
        Set<String> mapped = new HashSet<>();
        for (String key : keys) {
            if (!key.endsWith("num_batches_tracked")) {
                String n = "resnet50".equals(model) ? TorchvisionNames.resnet(key) : TorchvisionNames.mobilenet(key);
                assertEquals(true, engine.contains(n), key + " -> " + n);
                assertEquals(true, mapped.add(n), "two keys map to " + n);
            }
        }
        assertEquals(engine, mapped);
    }
}
