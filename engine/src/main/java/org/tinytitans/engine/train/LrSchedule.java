package org.tinytitans.engine.train;

/** Learning rate as a function of training progress (in epochs, fractional within an epoch). */
public final class LrSchedule {
    private final TrainConfig c;

    public LrSchedule(TrainConfig config) {
        this.c = config;
    }

    /**
     * lr at {@code epoch} (0-based, fractional). Warm-up ramps linearly to the base lr; after it the STEP
     * schedule multiplies by gamma once per milestone reached (whole epochs, like the tutorial's epoch-end
     * callback), COSINE anneals from the base lr to 0 over the remaining epochs.
     */
    public double at(double epoch) {
        if (c.warmupEpochs() > 0 && epoch < c.warmupEpochs()) {
            return c.lr() * Math.max(epoch, 1e-3 * c.warmupEpochs()) / c.warmupEpochs();
        }
        return switch (c.schedule()) {
            case CONSTANT -> c.lr();
            case STEP -> {
                double lr = c.lr();
                for (int m : c.milestones()) {
                    if (Math.floor(epoch) >= m) {
                        lr *= c.gamma();
                    }
                }
                yield lr;
            }
            case COSINE -> {
                double span = Math.max(1e-9, c.epochs() - c.warmupEpochs());
                double t = Math.min(1, (epoch - c.warmupEpochs()) / span);
                yield 0.5 * c.lr() * (1 + Math.cos(Math.PI * t));
            }
        };
    }
}
