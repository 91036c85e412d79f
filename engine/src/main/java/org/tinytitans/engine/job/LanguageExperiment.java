package org.tinytitans.engine.job;

/** Placeholder replaced by the language-model runner. */
final class LanguageExperiment {
    private final JobContext ctx;

    LanguageExperiment(JobContext ctx) {
        this.ctx = ctx;
    }

    ExperimentOutcome execute() {
        throw new JobFailure("language models are not wired into runs yet", ctx.run().model().range());
    }
}
