package org.tinytitans.engine.weights;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames torchvision state-dict keys ({@code layer1.0.conv1.weight}, {@code features.3.conv.1.0.weight}, ...) to
 * the engine's tensor names for the zoo's {@code resnet50} and {@code mobilenetv2}, so their pretrained weights
 * saved as safetensors load as they are. BN {@code weight/bias} become {@code gamma/beta};
 * {@code num_batches_tracked} is dropped.
 */
public final class TorchvisionNames {

    private static final Pattern RESNET = Pattern.compile("layer(\\d)\\.(\\d+)\\.(conv\\d|bn\\d|downsample\\.0|downsample\\.1)\\.(\\w+)");
    private static final Pattern MOBILE = Pattern.compile("features\\.(\\d+)\\.conv\\.(\\d)(?:\\.(\\d))?\\.(\\w+)");
    /** MobileNetV2 blocks per stage (torchvision's inverted-residual setting). */
    private static final int[] MOBILE_BLOCKS = {1, 2, 3, 4, 3, 3, 1};

    private TorchvisionNames() {}

    public static boolean supports(String model) {
        return model.equals("resnet50") || model.equals("mobilenetv2");
    }

    /** The tensors under engine names; keys that do not follow torchvision's layout are kept unchanged. */
    public static Map<String, Tensor> rename(String model, Map<String, Tensor> in) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (!k.endsWith("num_batches_tracked")) {
                out.put(model.equals("resnet50") ? resnet(k) : mobilenet(k), v);
            }
        });
        return out;
    }

    static String resnet(String key) {
        if (key.startsWith("conv1.")) {
            return "stem.conv." + key.substring(6);
        }
        if (key.startsWith("bn1.")) {
            return "stem.bn." + bn(key.substring(4));
        }
        Matcher m = RESNET.matcher(key);
        if (!m.matches()) {
            return key; // fc.weight, fc.bias already match
        }
        String block = "stage" + m.group(1) + ".block" + m.group(2) + ".";
        return switch (m.group(3)) {
            case "downsample.0" -> block + "shortcut." + m.group(4);
            case "downsample.1" -> block + "shortcut_bn." + bn(m.group(4));
            default -> block + m.group(3) + "." + (m.group(3).startsWith("bn") ? bn(m.group(4)) : m.group(4));
        };
    }

    static String mobilenet(String key) {
        if (key.startsWith("features.0.0.")) {
            return "stem.conv." + key.substring(13);
        }
        if (key.startsWith("features.0.1.")) {
            return "stem.bn." + bn(key.substring(13));
        }
        if (key.startsWith("features.18.0.")) {
            return "head.conv." + key.substring(14);
        }
        if (key.startsWith("features.18.1.")) {
            return "head.bn." + bn(key.substring(14));
        }
        if (key.startsWith("classifier.1.")) {
            return "fc." + key.substring(13);
        }
        Matcher m = MOBILE.matcher(key);
        if (!m.matches()) {
            return key;
        }
        int index = Integer.parseInt(m.group(1)) - 1, stage = 0;
        while (stage < MOBILE_BLOCKS.length && index >= MOBILE_BLOCKS[stage]) {
            index -= MOBILE_BLOCKS[stage++];
        }
        String block = "stage" + (stage + 1) + ".block" + index + ".";
        String part = m.group(2) + (m.group(3) == null ? "" : "." + m.group(3));
        // Expansion-1 blocks lack the expand conv, so their parts shift by one.
        String[] names = stage == 0
                ? new String[] {"0.0:dw", "0.1:dw_bn", "1:project", "2:project_bn"}
                : new String[] {"0.0:expand", "0.1:expand_bn", "1.0:dw", "1.1:dw_bn", "2:project", "3:project_bn"};
        for (String n : names) {
            String[] kv = n.split(":");
            if (kv[0].equals(part)) {
                return block + kv[1] + "." + (kv[1].endsWith("bn") ? bn(m.group(4)) : m.group(4));
            }
        }
        return key;
    }

    private static String bn(String var) {
        return switch (var) {
            case "weight" -> "gamma";
            case "bias" -> "beta";
            default -> var;
        };
    }
}
