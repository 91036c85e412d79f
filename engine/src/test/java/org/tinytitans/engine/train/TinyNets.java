package org.tinytitans.engine.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.nn.Parameter;
import java.util.Random;
import org.tinytitans.engine.data.ImageSet;

/** Small real networks and data for tests: a conv-BN-ReLU-pool-linear CNN and a separable image set. */
public final class TinyNets {
    private TinyNets() { }

    /** conv3x3(width) - BN - ReLU - flatten - linear(classes), initialised for (1,c,h,w) inputs. */
    public static SequentialBlock cnn(NDManager m, int channels, int side, int width, int classes, long seed) {
        ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(width).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build());
        net.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        net.initialize(m, DataType.FLOAT32, new Shape(1, channels, side, side));
        return net;
    }

    /**
     * {@code perClass} images per class: class k is a fixed random +-1 template scaled by {@code signal} plus
     * N(0,1) noise, so a small CNN can separate them but not at once.
     */
    public static ImageSet separable(int perClass, int classes, int channels, int side, double signal, long seed) {
        Random r = new Random(seed);
        int n = channels * side * side;
        float[][] templates = new float[classes][n];
        for (float[] t : templates) {
            for (int i = 0; i < n; i++) {
                t[i] = (float) (r.nextBoolean() ? signal : -signal);
            }
        }
        float[] x = new float[perClass * classes * n];
        int[] labels = new int[perClass * classes];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % classes;
            for (int j = 0; j < n; j++) {
                x[i * n + j] = templates[labels[i]][j] + (float) r.nextGaussian();
            }
        }
        return new ImageSet("separable", x, labels, channels, side, side, classes);
    }
}
