package org.tinytitans.engine.vit;

import java.util.Optional;

/** The token criteria of the language (catalog granularity `tokens`) and the plan each makes of a prune block. */
public enum TokenRule {
    /** EViT: keep the patches the CLS token attends to most; `fuse` merges the rest into one token. */
    CLS_ATTENTION("cls-attention"),
    /** ToMe: merge the most similar patches by bipartite soft matching. */
    SIMILARITY("similarity");

    private final String criterion;

    TokenRule(String criterion) {
        this.criterion = criterion;
    }

    public String criterion() {
        return criterion;
    }

    public static Optional<TokenRule> of(String criterion) {
        for (TokenRule r : values()) {
            if (r.criterion.equals(criterion)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The plan of `prune tokens { ratio R; after K; fuse F }`: R of the patch tokens go after block K. */
    public TokenPlan plan(int after, double ratio, boolean fuse) {
        double keep = 1 - ratio;
        return this == CLS_ATTENTION ? new TokenKeep(after, keep, fuse) : new TokenMerge(after, keep);
    }
}
