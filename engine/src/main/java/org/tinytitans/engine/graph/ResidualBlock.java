package org.tinytitans.engine.graph;

/**
 * A residual block: its layers are those named {@code name + ".*"}.
 *
 * @param input        the node feeding the block (its shortcut starts here)
 * @param output       the block's last node (the ReLU after the add, or the add itself)
 * @param residualEnd  the batch norm closing the residual branch; zeroing it turns the block into its shortcut
 * @param projection   true when the shortcut carries layers (a projection conv, or an option-A pad)
 */
public record ResidualBlock(String name, int stage, int index, String input, String output, String residualEnd,
                            boolean projection) {

    public boolean contains(String layer) {
        return layer.startsWith(name + ".");
    }
}
