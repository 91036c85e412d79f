package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutlineTest {
    @Test
    void experimentsAndTheirBlocks() {
        SpecDocument doc = SpecDocument.parse(ParserTest.EXAMPLE);
        List<OutlineNode> outline = Outline.of(doc);
        assertEquals(1, outline.size());
        OutlineNode e = outline.get(0);
        assertEquals("resnet56_l1", e.name());
        assertEquals(List.of("model resnet56", "dataset cifar10", "prune filters", "finetune", "measure flops, params, memory, latency, accuracy, carbon",
                        "latency", "energy", "target cpu", "expect flops <= 55%", "expect accuracy drop <= 2%"),
                e.children().stream().map(OutlineNode::name).toList());
        OutlineNode prune = e.children().get(2);
        assertEquals("l1 50%", prune.detail());
        assertEquals(9, prune.range().start().line());
        assertEquals(13, prune.range().end().line());
    }
}
