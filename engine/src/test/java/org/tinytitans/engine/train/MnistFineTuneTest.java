package org.tinytitans.engine.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.data.Datasets;
import org.tinytitans.engine.data.ImageSet;
import org.tinytitans.engine.data.Split;
import org.tinytitans.engine.data.Subsample;

/** The shipped real digits: a tiny CNN trained briefly on 100 per class clearly beats chance on the test split. */
class MnistFineTuneTest {
    static final Path MNIST = Path.of(System.getProperty("user.dir")).resolve("../samples/data/mnist").normalize();

    @Test
    void tinyCnnLearnsShippedDigits() {
        ImageSet train = Subsample.stratified(Datasets.open("mnist", MNIST, Split.TRAIN), 100, 1);
        ImageSet test = Subsample.stratified(Datasets.open("mnist", MNIST, Split.TEST), 30, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock net = TinyNets.cnn(m, 1, 28, 8, 10, 1);
            TrainConfig config = TrainConfig.tutorial().withEpochs(3).withBatchSize(50)
                    .withOptimizer(TrainConfig.OptimizerKind.SGD, 0.01, 0.9, true, 5e-4)
                    .withSchedule(TrainConfig.Schedule.STEP, 0.3, new int[] {2}, 0.2)
                    .withAugmentation(TrainConfig.Augmentation.NONE, 1).withSeed(3);
            double before = Evaluator.evaluate(net, test, 100).accuracy();
            FineTuner.train(net, train, config, Progress.NONE);
            Evaluation after = Evaluator.evaluate(net, test, 100);
            assertTrue(after.accuracy() > 0.8 && after.accuracy() > before + 0.4, "before " + before + ", after " + after);
        }
    }
}
