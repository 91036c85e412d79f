package org.tinytitans.language.catalog;

/** The cost class of a criterion: what scoring it runs, from cheapest to dearest. Only NO_DATA and AT_INFERENCE need no dataset. */
public enum Cost {
    NO_DATA("weights only, no data"),
    AT_INFERENCE("per image while it is classified: no calibration data"),
    FORWARD("one forward pass over the samples"),
    BACKWARD("a forward and a backward pass over the samples"),
    PER_STRUCTURE("a forward pass over the samples for every scored structure (several stacked per pass)"),
    SECOND_ORDER("a forward pass for each layer's input Gram matrix, then a per-layer inverse and weight update");

    private final String label;

    Cost(String label) { this.label = label; }

    public String label() { return label; }

    public boolean needsData() {
        return this != NO_DATA && this != AT_INFERENCE;
    }
}
