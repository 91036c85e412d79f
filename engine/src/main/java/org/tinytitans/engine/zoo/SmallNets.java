package org.tinytitans.engine.zoo;

import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Kind;

/** Small CIFAR/MNIST nets for samples and quick runs. */
final class SmallNets {

    private SmallNets() {}

    /**
     * VGG-16 for CIFAR (the common "vgg16_bn" CIFAR variant): 13 conv3x3(bias)-BN-ReLU layers in 5 blocks
     * [64,64 | 128,128 | 256x3 | 512x3 | 512x3] with 2x2 max pools, then flatten (512) and a 512-512-classes
     * head with ReLU. 14,714,688 conv params (as ImageNet VGG-16's convs), 15,253,578 trainable in all.
     */
    static Graph vgg16Cifar(int classes) {
        GraphBuilder b = new GraphBuilder(3);
        int[][] blocks = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
        for (int i = 0; i < blocks.length; i++) {
            String p = "block" + (i + 1) + ".";
            for (int j = 0; j < blocks[i].length; j++) {
                b.conv(p + "conv" + (j + 1), blocks[i][j], 3, 1, 1, true);
                b.bn(p + "bn" + (j + 1), 1e-5);
                b.act(p + "relu" + (j + 1), Kind.RELU);
            }
            b.pool(p + "pool", Kind.MAX_POOL, 2, 2, 0);
        }
        b.flatten("flatten", 512);
        b.dense("fc1", 512, null);
        b.act("fc1.relu", Kind.RELU);
        b.dense("fc2", 512, null);
        b.act("fc2.relu", Kind.RELU);
        b.dense("fc", classes, null);
        return b.build("vgg16-cifar", 32, 32);
    }

    /**
     * A small MNIST CNN (28x28x1): conv 1->16, BN, ReLU, maxpool, conv 16->32, BN, ReLU, maxpool,
     * flatten 32*7*7, dense 64, ReLU, dense classes. About 1.1 M MACs and 102 k params, so an epoch on a few
     * thousand images trains in seconds on a CPU. Both convs are prunable (conv2 through the flatten into fc1).
     */
    static Graph mnistCnn(int classes) {
        GraphBuilder b = new GraphBuilder(1);
        b.conv("conv1", 16, 3, 1, 1, true);
        b.bn("bn1", 1e-5);
        b.act("relu1", Kind.RELU);
        b.pool("pool1", Kind.MAX_POOL, 2, 2, 0);
        b.conv("conv2", 32, 3, 1, 1, true);
        b.bn("bn2", 1e-5);
        b.act("relu2", Kind.RELU);
        b.pool("pool2", Kind.MAX_POOL, 2, 2, 0);
        b.flatten("flatten", 32 * 7 * 7);
        b.dense("fc1", 64, null);
        b.act("fc1.relu", Kind.RELU);
        b.dense("fc", classes, null);
        return b.build("mnist-cnn", 28, 28);
    }
}
