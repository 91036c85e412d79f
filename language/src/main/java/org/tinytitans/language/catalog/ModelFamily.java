package org.tinytitans.language.catalog;

/**
 * What pruning can reach inside a model, the unit in which the catalog states where a criterion applies: a plain
 * CNN has filters and weights but no removable blocks; a residual vision model also has blocks; a language model
 * has layers, MLP neurons, attention heads and weights; a vision transformer also has tokens. {@link #modality()} is
 * the kind of data it reads.
 */
public enum ModelFamily {
    CNN("cnn", "vision", "a vision CNN", "vision CNNs"),
    RESIDUAL("residual", "vision", "a vision model with residual blocks", "residual vision models"),
    LANGUAGE("language", "language", "a language model", "language models"),
    VIT("vit", "vision", "a vision transformer (ViT/DeiT classifier)", "vision transformers"),
    CLIP("clip", "vision", "a CLIP model", "CLIP models"),
    VLM("vlm", "multimodal", "a vision-language model (LLaVA-style)", "vision-language models");

    private final String key;
    private final String modality;
    private final String phrase;
    private final String plural;

    ModelFamily(String key, String modality, String phrase, String plural) {
        this.key = key;
        this.modality = modality;
        this.phrase = phrase;
        this.plural = plural;
    }

    /** The short name used in docs and `titans-cli criteria --json`. */
    public String key() {
        return key;
    }

    /** "vision" or "language": the data a model of this family reads (datasets are matched by it). */
    public String modality() {
        return modality;
    }

    /** The family in running text, with its article: "a vision CNN". */
    public String phrase() {
        return phrase;
    }

    /** The family as a plural noun: "vision CNNs". */
    public String plural() {
        return plural;
    }
}
