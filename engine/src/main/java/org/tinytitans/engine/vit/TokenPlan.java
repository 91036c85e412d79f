package org.tinytitans.engine.vit;

/**
 * How a ViT's tokens are reduced after one block: {@link TokenKeep} (EViT: keep the patches the CLS token attends
 * to most) or {@link TokenMerge} (ToMe: merge the most similar patches). Blocks 1..{@link #afterBlock()} see every
 * token; the later blocks see {@link #tokensAfter}.
 */
public sealed interface TokenPlan permits TokenKeep, TokenMerge {

    /** The block (1-based) after which tokens are reduced. */
    int afterBlock();

    /** Fraction of the patch tokens that stay as tokens of their own. */
    double keep();

    /** Patch tokens kept out of {@code patches}: the fraction rounded, at least one. */
    default int kept(int patches) {
        return Math.max(1, (int) Math.round(keep() * patches));
    }

    /** Tokens the later blocks see, CLS included. */
    int tokensAfter(int patches);

    /** A plan that leaves every token (keep 100%, nothing fused). */
    default boolean keepsAll(int patches) {
        return tokensAfter(patches) == patches + 1;
    }

    /** Refuses a block the tower does not have a later block for. */
    default void check(VisionTower t) {
        if (afterBlock() >= t.encoder().layers()) {
            throw new IllegalArgumentException("the model has " + t.encoder().layers() + " blocks; tokens can be pruned after block 1 to "
                    + (t.encoder().layers() - 1) + ", not " + afterBlock());
        }
    }

    /** Checks shared by the plans' constructors. */
    static void validate(int afterBlock, double keep) {
        if (afterBlock < 1) {
            throw new IllegalArgumentException("tokens are pruned after a block, 1 or later, not " + afterBlock);
        }
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("keep is a fraction in (0, 1], not " + keep);
        }
    }
}
