package org.tinytitans.engine.zoo;

import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Kind;
import org.tinytitans.engine.graph.ResidualBlock;

/**
 * ImageNet layouts (224x224, 1000 classes) following torchvision: symmetric padding, no conv bias, BN eps 1e-5.
 * torchvision counts 25,557,032 (resnet50) and 3,504,872 (mobilenetv2) parameters: those are our trainable
 * counts. Our {@code params} adds BN running mean and variance as Keras {@code count_params} does
 * (+53,120 and +34,112); Keras' own ResNet50 also has conv biases (25,636,712 trainable) and is not this net.
 */
final class ImageNetNets {

    private static final double EPS = 1e-5;

    private ImageNetNets() {}

    /** ResNet-50 v1.5 (stride on the 3x3 conv), bottleneck blocks [3,4,6,3], projection conv+BN on each stage's first block. */
    static Graph resnet50(int classes) {
        GraphBuilder b = new GraphBuilder(3);
        b.conv("stem.conv", 64, 7, 2, 3, false);
        b.bn("stem.bn", EPS);
        b.act("stem.relu", Kind.RELU);
        b.pool("stem.pool", Kind.MAX_POOL, 3, 2, 1);
        int[] counts = {3, 4, 6, 3};
        for (int s = 1; s <= 4; s++) {
            int width = 64 << (s - 1);
            for (int i = 0; i < counts[s - 1]; i++) {
                String p = "stage" + s + ".block" + i + ".";
                int stride = s > 1 && i == 0 ? 2 : 1;
                String in = b.last;
                int inC = b.channels;
                b.conv(p + "conv1", width, 1, 1, 0, false);
                b.bn(p + "bn1", EPS);
                b.act(p + "relu1", Kind.RELU);
                b.conv(p + "conv2", width, 3, stride, 1, false);
                b.bn(p + "bn2", EPS);
                b.act(p + "relu2", Kind.RELU);
                b.conv(p + "conv3", width * 4, 1, 1, 0, false);
                String bn3 = b.bn(p + "bn3", EPS);
                String shortcut = in;
                if (i == 0) {
                    b.from(in, inC);
                    b.conv(p + "shortcut", width * 4, 1, stride, 0, false);
                    shortcut = b.bn(p + "shortcut_bn", EPS);
                    b.from(bn3, width * 4);
                }
                b.add(p + "add", shortcut);
                String out = b.act(p + "relu", Kind.RELU);
                b.blocks.add(new ResidualBlock("stage" + s + ".block" + i, s, i, in, out, bn3, i == 0));
            }
        }
        b.globalPool("pool");
        b.flatten("flatten", 2048);
        b.dense("fc", classes, null);
        return b.build("resnet50", 224, 224);
    }

    /**
     * MobileNetV2 (width 1.0): inverted residual blocks (1x1 expand, 3x3 depthwise, 1x1 linear projection),
     * ReLU6. Every inverted-residual block is listed as a block; those without an identity shortcut are marked
     * projection and are never removed.
     */
    static Graph mobilenetV2(int classes) {
        GraphBuilder b = new GraphBuilder(3);
        b.conv("stem.conv", 32, 3, 2, 1, false);
        b.bn("stem.bn", EPS);
        b.act("stem.relu", Kind.RELU6);
        int[][] cfg = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};
        for (int s = 1; s <= cfg.length; s++) {
            int t = cfg[s - 1][0], c = cfg[s - 1][1], n = cfg[s - 1][2];
            for (int i = 0; i < n; i++) {
                String p = "stage" + s + ".block" + i + ".";
                int stride = i == 0 ? cfg[s - 1][3] : 1;
                String in = b.last;
                int inC = b.channels;
                int hidden = inC * t;
                if (t != 1) {
                    b.conv(p + "expand", hidden, 1, 1, 0, false);
                    b.bn(p + "expand_bn", EPS);
                    b.act(p + "expand_relu", Kind.RELU6);
                }
                b.grouped(p + "dw", hidden, 3, stride, 1, hidden, false);
                b.bn(p + "dw_bn", EPS);
                b.act(p + "dw_relu", Kind.RELU6);
                b.conv(p + "project", c, 1, 1, 0, false);
                String out = b.bn(p + "project_bn", EPS);
                boolean residual = stride == 1 && inC == c;
                if (residual) {
                    out = b.add(p + "add", in);
                }
                b.blocks.add(new ResidualBlock("stage" + s + ".block" + i, s, i, in, out, p + "project_bn", !residual));
            }
        }
        b.conv("head.conv", 1280, 1, 1, 0, false);
        b.bn("head.bn", EPS);
        b.act("head.relu", Kind.RELU6);
        b.globalPool("pool");
        b.flatten("flatten", 1280);
        b.dense("fc", classes, null);
        return b.build("mobilenetv2", 224, 224);
    }
}
