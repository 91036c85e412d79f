package org.tinytitans.engine.vit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tinytitans.engine.weights.Tensor;

/** Every tensor a config implies must be present with its shape, and nothing else. */
final class ShapeCheck {
    private ShapeCheck() {}

    static void check(MultimodalConfig c, Map<String, Tensor> weights) {
        Map<String, long[]> want = VisionNames.expected(c);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, long[]> e : want.entrySet()) {
            Tensor t = weights.get(e.getKey());
            if (t == null) {
                problems.add("missing '" + e.getKey() + "'");
            } else if (!Arrays.equals(t.shape(), e.getValue())) {
                problems.add("'" + e.getKey() + "' has shape " + t.shapeText() + ", the config implies " + Arrays.toString(e.getValue()));
            }
        }
        for (String n : weights.keySet()) {
            if (!want.containsKey(n)) {
                problems.add("unexpected '" + n + "'");
            }
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), 5);
            throw new IllegalArgumentException("weights do not match the config: " + String.join("; ", problems.subList(0, shown))
                    + (problems.size() > shown ? " (and " + (problems.size() - shown) + " more)" : ""));
        }
    }
}
