package org.tinytitans.engine.criteria;

/**
 * The vision criteria's constructors. Which of them applies at which granularity, and under which name, is the
 * method registry's (org.tinytitans.engine.methods.Methods) to say; this class only builds them.
 */
public final class Criteria {
    private Criteria() { }

    /** Sum of |w| per filter; for a block, the mean filter L1 of its convs. */
    public static Criterion l1(Level level) {
        return new Norm(level, false);
    }

    /** Euclidean norm per filter. */
    public static Criterion l2() {
        return new Norm(Level.FILTER, true);
    }

    public static Criterion random(Level level) {
        return new RandomScores(level);
    }

    /** HRank: mean rank of each channel's feature maps. */
    public static Criterion rank(Level level) {
        return new FeatureRank(level);
    }

    public static Criterion expectedAbs(Level level) {
        return new ExpectedAbs(level);
    }

    public static Criterion klDivergence(Level level) {
        return new KlDivergence(level, false);
    }

    /** The tutorial's variant (softmax applied twice), to reproduce its numbers; the language does not offer it. */
    public static Criterion klDivergenceTutorial(Level level) {
        return new KlDivergence(level, true);
    }

    public static Criterion cka(Level level) {
        return new CkaScore(level);
    }

    /** First-order Taylor: |sum(a * dL/da)| per filter. */
    public static Criterion taylor() {
        return new Taylor();
    }

    /** Distance to the layer's geometric median. */
    public static Criterion fpgm() {
        return new Fpgm();
    }
}
