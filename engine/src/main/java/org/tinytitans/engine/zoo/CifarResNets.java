package org.tinytitans.engine.zoo;

import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.graph.Layer;
import org.tinytitans.engine.graph.ResidualBlock;

/**
 * CIFAR ResNets of depth 6n+2: three stages of n basic blocks at 16/32/64 filters.
 * <ul>
 * <li>Keras {@code resnet_v1} as the tutorial trained it: conv bias everywhere, TF 'same' padding, BN eps 1e-3,
 *     1x1 stride-2 projection shortcut (with bias, no BN) emitted after conv2 as Keras orders it, head
 *     AveragePooling2D(8) + Flatten + Dense(softmax). Its layer order matches the .h5 files.</li>
 * <li>He et al. (2016): no conv bias, symmetric padding 1, BN eps 1e-5, option-A shortcut (subsample + zero
 *     channels), global average pool + linear producing logits.</li>
 * </ul>
 */
final class CifarResNets {

    private CifarResNets() {}

    static Graph keras(String name, int depth, int classes) {
        return build(name, depth, classes, true);
    }

    static Graph he(String name, int depth, int classes) {
        return build(name, depth, classes, false);
    }

    private static Graph build(String name, int depth, int classes, boolean keras) {
        if ((depth - 2) % 6 != 0) {
            throw new IllegalArgumentException("CIFAR ResNet depth must be 6n+2, not " + depth);
        }
        int n = (depth - 2) / 6;
        double eps = keras ? 1e-3 : 1e-5;
        int pad = keras ? Layer.SAME : 1;
        GraphBuilder b = new GraphBuilder(3);
        b.conv("stem.conv", 16, 3, 1, pad, keras);
        b.bn("stem.bn", eps);
        b.act("stem.relu", Kind.RELU);
        for (int stage = 1; stage <= 3; stage++) {
            int filters = 16 << (stage - 1);
            for (int i = 0; i < n; i++) {
                String p = "stage" + stage + ".block" + i + ".";
                boolean down = stage > 1 && i == 0;
                int stride = down ? 2 : 1;
                String in = b.last;
                int inC = b.channels;
                b.conv(p + "conv1", filters, 3, stride, pad, keras);
                b.bn(p + "bn1", eps);
                b.act(p + "relu1", Kind.RELU);
                String conv2 = b.conv(p + "conv2", filters, 3, 1, pad, keras);
                String shortcut = in;
                if (down) {
                    b.from(in, inC);
                    shortcut = keras ? b.conv(p + "shortcut", filters, 1, 2, Layer.SAME, true) : b.padShortcut(p + "shortcut", filters, 2);
                    b.from(conv2, filters);
                }
                b.bn(p + "bn2", eps);
                b.add(p + "add", shortcut);
                String out = b.act(p + "relu", Kind.RELU);
                b.blocks.add(new ResidualBlock("stage" + stage + ".block" + i, stage, i, in, out, p + "bn2", down));
            }
        }
        if (keras) {
            b.pool("pool", Kind.AVG_POOL, 8, 8, 0);
        } else {
            b.globalPool("pool");
        }
        b.flatten("flatten", 64);
        b.dense("fc", classes, keras ? "softmax" : null);
        return b.build(name, 32, 32);
    }
}
