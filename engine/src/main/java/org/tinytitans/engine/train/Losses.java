package org.tinytitans.engine.train;

import ai.djl.ndarray.NDArray;

/** Loss terms on logits (N,classes); every result is a scalar NDArray on the logits' manager. */
public final class Losses {
    private Losses() { }

    /** Mean softmax cross-entropy against integer labels (an int32 (N) array on the same manager). */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        int classes = (int) logits.getShape().get(1);
        return logits.logSoftmax(1).mul(labels.oneHot(classes)).sum(new int[] {1}).neg().mean();
    }

    /** Hinton's distillation term: T^2 * mean KL(softmax(teacher/T) || softmax(student/T)). */
    public static NDArray distillation(NDArray student, NDArray teacher, double temperature) {
        // Scalars as arrays of the step's manager: DJL frees a Number operand's temporary array at once, yet
        // PyTorch's backward pass still reads it (seen as NaN losses after a garbage collection).
        NDArray t = student.getManager().create((float) temperature);
        NDArray logQ = student.div(t).logSoftmax(1);
        NDArray logP = teacher.div(t).logSoftmax(1);
        return logP.exp().mul(logP.sub(logQ)).sum(new int[] {1}).mean().mul(t.mul(t));
    }
}
