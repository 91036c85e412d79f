package org.tinytitans.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.zoo.Zoo;

class FilterGroupsTest {

    private static List<String> prunable(String model) {
        return FilterGroups.of(Zoo.build(model)).stream().map(FilterGroup::conv).toList();
    }

    @Test
    void cifarResNetPrunesTheFirstConvOfEveryBlockOnly() {
        List<String> p = prunable("resnet32");
        assertEquals(15, p.size());
        assertTrue(p.stream().allMatch(n -> n.endsWith(".conv1")), p.toString());
        FilterGroup g = FilterGroups.of(Zoo.build("resnet32")).get(0);
        assertEquals(new FilterGroup("stage1.block0.conv1", 16, List.of("stage1.block0.bn1"), List.of("stage1.block0.conv2")), g);
    }

    @Test
    void otherModels() {
        assertEquals(33, prunable("resnet50").size()); // conv1 and conv2 of 16 bottlenecks, and the stem (feeds two convs)
        assertEquals(13, prunable("vgg16-cifar").size()); // every conv; the last one through the flatten into fc1
        assertEquals(List.of("conv1", "conv2"), prunable("mnist-cnn"));
        List<String> mb = prunable("mobilenetv2");
        // 16 expansion convs (through their depthwise conv), the stem (through the first depthwise), the two
        // projections not summed into a residual (stage1, stage7) and the 1280-wide head conv (into fc).
        assertEquals(20, mb.size());
        assertTrue(mb.containsAll(List.of("stem.conv", "stage2.block0.expand", "stage1.block0.project", "stage7.block0.project", "head.conv")));
        assertTrue(!mb.contains("stage2.block1.project"), "a projection summed into a residual keeps its width");
        FilterGroup e = FilterGroups.group(Zoo.build("mobilenetv2"), "stage2.block0.expand").orElseThrow();
        assertEquals(List.of("stage2.block0.expand_bn", "stage2.block0.dw", "stage2.block0.dw_bn"), e.tied());
        assertEquals(List.of("stage2.block0.project"), e.consumers());
    }

    @Test
    void narrowingKeepsShapesConsistent() {
        Graph g = Rewrites.withWidths(Zoo.build("mnist-cnn"), Map.of("conv2", 20));
        assertEquals(20 * 7 * 7, g.layer("fc1").in());
        assertEquals(20, g.layer("bn2").out());
        Graph mb = Rewrites.withWidths(Zoo.build("mobilenetv2"), Map.of("stage2.block0.expand", 50));
        assertEquals(50, mb.layer("stage2.block0.dw").groups());
        assertEquals(50, mb.layer("stage2.block0.project").in());
        var e = assertThrows(IllegalArgumentException.class, () -> Rewrites.withWidths(Zoo.build("resnet20"), Map.of("stage1.block0.conv2", 8)));
        assertTrue(e.getMessage().contains("stage1.block0.conv2 is not a prunable conv"), e.getMessage());
    }

    @Test
    void removingABlockRewiresTheNextOne() {
        Graph g = Rewrites.withoutBlocks(Zoo.build("resnet20"), Set.of("stage1.block1", "stage1.block2"));
        assertEquals(List.of("stage1.block0.relu"), g.layer("stage2.block0.conv1").inputs());
        assertEquals(7, g.blocks().size());
        var e = assertThrows(IllegalArgumentException.class, () -> Rewrites.withoutBlocks(Zoo.build("resnet20"), Set.of("stage2.block0")));
        assertTrue(e.getMessage().contains("projection"), e.getMessage());
    }

    @Test
    void jsonRoundTripKeepsEveryLayer() {
        Graph g = Rewrites.withWidths(Zoo.build("resnet20"), Map.of("stage3.block1.conv1", 7));
        Graph back = GraphJson.read(GraphJson.write(g));
        assertEquals(g.layers(), back.layers());
        assertEquals(g.blocks(), back.blocks());
        assertEquals(g.counts(), back.counts());
        assertThrows(IllegalArgumentException.class, () -> GraphJson.read("{\"layers\": 3"));
    }

    @Test
    void inconsistentGraphNamesTheLayer() {
        Graph g = Zoo.build("resnet20");
        List<Layer> layers = new java.util.ArrayList<>(g.layers());
        int i = layers.indexOf(g.layer("stage1.block0.conv2"));
        layers.set(i, layers.get(i).withIn(5));
        var e = assertThrows(IllegalArgumentException.class, () -> g.with(layers, g.blocks()));
        assertTrue(e.getMessage().contains("stage1.block0.conv2 expects 5 input channels"), e.getMessage());
    }

    @Test
    void perLayerBreakdownSumsToTheTotals() {
        Graph g = Zoo.build("resnet56");
        assertEquals(g.counts().macs(), g.costs().stream().mapToLong(LayerCost::macs).sum());
        assertEquals(g.counts().params(), g.costs().stream().mapToLong(LayerCost::params).sum());
        LayerCost c = g.costs().stream().filter(r -> r.name().equals("stage2.block0.conv1")).findFirst().orElseThrow();
        assertEquals(new Dims(16, 32, 32), c.in());
        assertEquals(new Dims(32, 16, 16), c.out());
        assertEquals(16L * 16 * 16 * 32 * 9, c.macs());
    }
}
