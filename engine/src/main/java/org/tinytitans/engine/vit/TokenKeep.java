package org.tinytitans.engine.vit;

/**
 * EViT-style token pruning of a ViT (Liang et al., ICLR 2022, "Not All Patches Are What You Need"): after the
 * first {@code afterBlock} blocks have run on every token, only the CLS token and the {@link #kept} patch tokens
 * that the CLS token attends to most (attention probabilities of block {@code afterBlock}, averaged over heads)
 * go on through the remaining blocks. With {@code fuse}, the dropped tokens are merged into one extra token,
 * their average weighted by that same attention, so their information is not lost outright.
 */
public record TokenKeep(int afterBlock, double keep, boolean fuse) {

    public TokenKeep {
        if (afterBlock < 1) {
            throw new IllegalArgumentException("tokens are pruned after a block, 1 or later, not " + afterBlock);
        }
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep is a fraction in (0, 1], not " + keep);
        }
    }

    /** Patch tokens kept out of {@code patches}: the fraction rounded, at least one. */
    public int kept(int patches) {
        return Math.max(1, (int) Math.round(keep * patches));
    }

    /** Tokens the later blocks see: CLS, the kept patches and (with fuse, when anything was dropped) the fused token. */
    public int tokensAfter(int patches) {
        int k = kept(patches);
        return 1 + k + (fuse && k < patches ? 1 : 0);
    }

    void check(VisionTower t) {
        if (afterBlock >= t.encoder().layers()) {
            throw new IllegalArgumentException("the model has " + t.encoder().layers() + " blocks; tokens can be pruned after block 1 to "
                    + (t.encoder().layers() - 1) + ", not " + afterBlock);
        }
    }
}
