package org.tinytitans.engine.vit;

/**
 * ToMe-style token merging (Bolya et al., ICLR 2023, "Token Merging: Your ViT But Faster"), applied once after
 * block {@code afterBlock}: the patch tokens are merged by bipartite soft matching on the similarity of their
 * attention keys until {@link #kept} of them are left, each merge a size-weighted average, so no token's content
 * is dropped. ToMe merges a few tokens in every block; here the whole reduction happens at one block, so that it
 * is comparable with {@link TokenKeep} at the same token counts and FLOPs.
 */
public record TokenMerge(int afterBlock, double keep) implements TokenPlan {

    public TokenMerge {
        TokenPlan.validate(afterBlock, keep);
    }

    @Override
    public int tokensAfter(int patches) {
        return 1 + kept(patches);
    }
}
