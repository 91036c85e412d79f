package org.tinytitans.language;

import java.util.List;
import org.tinytitans.language.ast.Range;

/**
 * An outline entry. kind: "experiment", "model", "dataset", "prune", "finetune", "latency", "energy",
 * "target", "measure", "expect" or another statement keyword. name is what editors show
 * (e.g. "resnet56_l1", "prune filters"), detail a short extra (e.g. "l1 50%").
 */
public record OutlineNode(String name, String kind, String detail, Range range, Range selectionRange,
                          List<OutlineNode> children) {
    public OutlineNode {
        children = List.copyOf(children);
    }
}
