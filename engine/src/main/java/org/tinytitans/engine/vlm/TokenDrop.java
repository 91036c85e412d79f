package org.tinytitans.engine.vlm;

/**
 * FastV-style visual-token dropping (Chen et al., 2024, "An Image is Worth 1/2 Tokens After Layer 2"): every
 * token goes through the first {@code afterLayer} decoder layers; the attention the image's tokens receive in
 * the last of those, from the prompt's text after the image and averaged over heads, ranks them; the
 * {@code ratio} of them that receive the least is removed for the remaining layers. The kept tokens keep their
 * positions (RoPE), so the text still sees the image where it was.
 *
 * @param afterLayer decoder layer K, 1-based: the tokens are dropped after it
 * @param ratio      fraction of the image's tokens removed, in [0, 1)
 */
public record TokenDrop(int afterLayer, double ratio) {

    public TokenDrop {
        if (afterLayer < 1) {
            throw new IllegalArgumentException("tokens are dropped after decoder layer 1 or later, not " + afterLayer);
        }
        if (!(ratio >= 0 && ratio < 1)) {
            throw new IllegalArgumentException("ratio " + ratio + " must be in [0, 1): the fraction of visual tokens removed");
        }
    }

    /** Image tokens kept of {@code n}: round((1 - ratio) · n), at least one. */
    public int kept(int n) {
        return Math.max(1, (int) Math.round((1 - ratio) * n));
    }
}
