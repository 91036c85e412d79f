package org.tinytitans.engine.train;

import ai.djl.nn.Block;

/**
 * Knowledge distillation from a teacher (typically the unpruned network): loss =
 * alpha * T^2 * KL(softmax(teacher/T) || softmax(student/T)) + (1 - alpha) * CE(student, labels).
 */
public record Distillation(Block teacher, double temperature, double alpha) {
    public Distillation {
        if (teacher == null) {
            throw new IllegalArgumentException("distillation needs a teacher block");
        }
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("distillation temperature must be > 0, got " + temperature);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("distillation alpha must be in [0,1], got " + alpha);
        }
    }
}
