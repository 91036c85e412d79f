package org.tinytitans.engine.lm.eval;

/** Log-likelihood of a continuation given a context: the sum of its tokens' log-probabilities (nats). */
@FunctionalInterface
public interface Scorer {

    double logLikelihood(String context, String continuation);
}
