package org.tinytitans.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.data.ImageSet;

class FineTunerTest {
    private static final int CLASSES = 4;

    private static TrainConfig quick(TrainConfig.OptimizerKind kind, double lr) {
        return TrainConfig.tutorial().withEpochs(3).withBatchSize(32)
                .withOptimizer(kind, lr, 0.9, true, 1e-4)
                .withSchedule(TrainConfig.Schedule.COSINE, 0.5, null, 0.1)
                .withAugmentation(TrainConfig.Augmentation.NONE, 1).withSeed(7);
    }

    @Test
    void sgdNesterovLearnsASeparableSet() {
        ImageSet train = TinyNets.separable(64, CLASSES, 1, 8, 0.35, 1);
        ImageSet test = TinyNets.separable(32, CLASSES, 1, 8, 0.35, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock net = TinyNets.cnn(m, 1, 8, 16, CLASSES, 3);
            double before = Evaluator.evaluate(net, test, 64).accuracy();
            List<String> seen = new ArrayList<>();
            List<EpochStats> history = FineTuner.train(net, train, quick(TrainConfig.OptimizerKind.SGD, 0.05),
                    (phase, done, total, detail) -> seen.add(phase));
            Evaluation after = Evaluator.evaluate(net, test, 64);
            assertEquals(3, history.size());
            assertTrue(after.accuracy() > 0.8, "accuracy after fine-tuning " + after + ", before " + before);
            assertTrue(history.get(2).loss() < history.get(0).loss(), history.toString());
            assertTrue(seen.contains("fine-tune") && seen.contains("fine-tune epoch"));
        }
    }

    @Test
    void adamWithCifarAugmentationAndDistillationAlsoLearns() {
        ImageSet train = TinyNets.separable(64, CLASSES, 3, 8, 0.35, 2);
        ImageSet test = TinyNets.separable(32, CLASSES, 3, 8, 0.35, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock teacher = TinyNets.cnn(m, 3, 8, 16, CLASSES, 5);
            FineTuner.train(teacher, train, quick(TrainConfig.OptimizerKind.ADAM, 0.01), Progress.NONE);
            SequentialBlock student = TinyNets.cnn(m, 3, 8, 8, CLASSES, 6);
            TrainConfig kd = quick(TrainConfig.OptimizerKind.ADAM, 0.01)
                    .withAugmentation(TrainConfig.Augmentation.CIFAR, 2)
                    .withDistillation(new Distillation(teacher, 4, 0.5));
            FineTuner.train(student, train, kd, Progress.NONE);
            double acc = Evaluator.evaluate(student, test, 50).accuracy();
            assertTrue(acc > 0.6, "student accuracy " + acc);
        }
    }
}
