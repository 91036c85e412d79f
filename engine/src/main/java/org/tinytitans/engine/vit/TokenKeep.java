package org.tinytitans.engine.vit;

/**
 * EViT-style token pruning of a ViT (Liang et al., ICLR 2022, "Not All Patches Are What You Need"): after the
 * first {@code afterBlock} blocks have run on every token, only the CLS token and the {@link #kept} patch tokens
 * that the CLS token attends to most (attention probabilities of block {@code afterBlock}, averaged over heads)
 * go on through the remaining blocks. With {@code fuse}, the dropped tokens are merged into one extra token,
 * their average weighted by that same attention, so their information is not lost outright.
 */
public record TokenKeep(int afterBlock, double keep, boolean fuse) implements TokenPlan {

    public TokenKeep {
        TokenPlan.validate(afterBlock, keep);
    }

    /** Tokens the later blocks see: CLS, the kept patches and (with fuse, when anything was dropped) the fused token. */
    @Override
    public int tokensAfter(int patches) {
        int k = kept(patches);
        return 1 + k + (fuse && k < patches ? 1 : 0);
    }
}
