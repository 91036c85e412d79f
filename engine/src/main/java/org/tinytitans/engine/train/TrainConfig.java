package org.tinytitans.engine.train;

/**
 * Fine-tuning settings. {@link #tutorial()} gives the tutorial's: SGD lr 0.01, momentum 0.9, Nesterov,
 * batch 128, lr x0.1 at epochs 100 and 150, CIFAR augmentation, 3 augmented copies of the train set per epoch.
 * The tutorial's L2 of 1e-4 on kernels is a loss term, whose gradient is weight decay 2e-4 on those kernels;
 * here weight decay applies to every trainable parameter.
 *
 * @param warmupEpochs  linear lr warm-up from lr/steps to lr over this many epochs (fractional allowed), 0 = none
 * @param milestones    STEP schedule: epochs at which lr is multiplied by gamma
 * @param copiesPerEpoch how many (augmented) passes over the train set one epoch makes
 * @param distillation  null for plain cross-entropy
 */
public record TrainConfig(int epochs, int batchSize, OptimizerKind optimizer, double lr, double momentum,
                          boolean nesterov, double weightDecay, double warmupEpochs, Schedule schedule,
                          int[] milestones, double gamma, Augmentation augmentation, int copiesPerEpoch,
                          long seed, Distillation distillation) {

    public enum OptimizerKind { SGD, ADAM }

    public enum Schedule { CONSTANT, STEP, COSINE }

    /** CIFAR: pad 4, random 32 crop, horizontal flip. CROP_ONLY: the same without flipping (digits). */
    public enum Augmentation { NONE, CIFAR, CROP_ONLY }

    public TrainConfig {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (!(lr > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        }
        if (copiesPerEpoch <= 0) {
            throw new IllegalArgumentException("copies per epoch must be positive, got " + copiesPerEpoch);
        }
        milestones = milestones == null ? new int[0] : milestones.clone();
    }

    public static TrainConfig tutorial() {
        return new TrainConfig(200, 128, OptimizerKind.SGD, 0.01, 0.9, true, 0, 0, Schedule.STEP,
                new int[] {100, 150}, 0.1, Augmentation.CIFAR, 3, 0, null);
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(e, batchSize, optimizer, lr, momentum, nesterov, weightDecay, warmupEpochs, schedule,
                milestones, gamma, augmentation, copiesPerEpoch, seed, distillation);
    }

    public TrainConfig withBatchSize(int b) {
        return new TrainConfig(epochs, b, optimizer, lr, momentum, nesterov, weightDecay, warmupEpochs, schedule,
                milestones, gamma, augmentation, copiesPerEpoch, seed, distillation);
    }

    public TrainConfig withOptimizer(OptimizerKind o, double learningRate, double mom, boolean nest, double wd) {
        return new TrainConfig(epochs, batchSize, o, learningRate, mom, nest, wd, warmupEpochs, schedule,
                milestones, gamma, augmentation, copiesPerEpoch, seed, distillation);
    }

    public TrainConfig withSchedule(Schedule s, double warmup, int[] steps, double g) {
        return new TrainConfig(epochs, batchSize, optimizer, lr, momentum, nesterov, weightDecay, warmup, s,
                steps, g, augmentation, copiesPerEpoch, seed, distillation);
    }

    public TrainConfig withAugmentation(Augmentation a, int copies) {
        return new TrainConfig(epochs, batchSize, optimizer, lr, momentum, nesterov, weightDecay, warmupEpochs, schedule,
                milestones, gamma, a, copies, seed, distillation);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(epochs, batchSize, optimizer, lr, momentum, nesterov, weightDecay, warmupEpochs, schedule,
                milestones, gamma, augmentation, copiesPerEpoch, s, distillation);
    }

    public TrainConfig withDistillation(Distillation d) {
        return new TrainConfig(epochs, batchSize, optimizer, lr, momentum, nesterov, weightDecay, warmupEpochs, schedule,
                milestones, gamma, augmentation, copiesPerEpoch, seed, d);
    }
}
