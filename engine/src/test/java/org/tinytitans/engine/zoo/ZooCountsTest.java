package org.tinytitans.engine.zoo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.graph.Counts;
import org.tinytitans.engine.graph.Graph;
import org.tinytitans.engine.graph.Kind;

/** The tutorial's table (tutorial.md §3) and known counts of the other zoo models. */
class ZooCountsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // model, params, FLOPs (MACs), filters, memory GB (6 decimals), blocks per stage, non-trainable, conv, bn
        "resnet32,  470218,  69124736, 1232, 0.005719,  5, 2272, 33, 31",
        "resnet44,  665994,  97436288, 1680, 0.007944,  7, 3168, 45, 43",
        "resnet56,  861770, 125747840, 2128, 0.010169,  9, 4064, 57, 55",
        "resnet110, 1742762, 253149824, 4144, 0.020180, 18, 8096, 111, 109",
    })
    void tutorialTable(String model, long params, long flops, long filters, double memory, int n, long nonTrainable,
                       int convs, int bns) {
        Graph g = Zoo.build(model);
        Counts c = g.counts();
        assertEquals(params, c.params());
        assertEquals(flops, c.macs());
        assertEquals(filters, c.filters());
        assertEquals(memory, Math.round(c.memoryGb() * 1e6) / 1e6, 1e-9);
        assertEquals(nonTrainable, c.params() - c.trainableParams());
        assertArrayEquals(new int[] {n, n, n}, g.blocksPerStage());
        assertEquals(convs, count(g, Kind.CONV));
        assertEquals(bns, count(g, Kind.BATCH_NORM));
    }

    @Test
    void heVariantOfResNet56() {
        Counts c = Zoo.build("resnet56-he").counts();
        assertEquals(853_018, c.trainableParams());
        assertEquals(857_082, c.params());
        assertEquals(125_485_696, c.macs());
    }

    @Test
    void imageNetModelsMatchTorchvisionParameterCounts() {
        Counts r50 = Zoo.build("resnet50").counts();
        assertEquals(25_557_032, r50.trainableParams());
        assertEquals(25_557_032 + 53_120, r50.params());
        assertEquals(4_089_184_256L, r50.macs()); // torchvision: 4.09 GFLOPS (MACs)
        Counts mb = Zoo.build("mobilenetv2").counts();
        assertEquals(3_504_872, mb.trainableParams());
        assertEquals(3_504_872 + 34_112, mb.params());
        // A conv/linear forward-hook counter on torchvision's mobilenet_v2 at 224x224 (tests/e2e/torchvision-oracle.sh)
        assertEquals(300_774_272L, mb.macs());
    }

    @Test
    void tutorialCountDiffersOnlyOnDepthwiseNetworks() {
        Graph mb = Zoo.build("mobilenetv2");
        // The tutorial's depthwise formula adds Cin*Cout*H*W per depthwise conv: 886,227,840 in all.
        assertEquals(886_227_840L, mb.tutorialMacs());
        for (String model : new String[] {"resnet56", "resnet50", "vgg16-cifar", "mnist-cnn"}) {
            Graph g = Zoo.build(model);
            assertEquals(g.counts().macs(), g.tutorialMacs(), model);
        }
    }

    @Test
    void vggAndMnist() {
        Graph vgg = Zoo.build("vgg16-cifar");
        long convParams = vgg.layers().stream().filter(l -> l.kind() == Kind.CONV).mapToLong(l -> l.params()).sum();
        assertEquals(14_714_688, convParams);
        // convs + BN gamma/beta (2 x 4,224 channels) + 512x512+512 twice + 512x10+10
        assertEquals(14_714_688 + 8_448 + 2 * 262_656 + 5_130, vgg.counts().trainableParams());
        Graph mnist = Zoo.build("mnist-cnn");
        // conv1 28*28*16*9 + conv2 14*14*16*32*9 + fc1 1568*64 + fc 64*10
        assertEquals(112_896 + 903_168 + 100_352 + 640, mnist.counts().macs());
        assertEquals(10, mnist.classes());
    }

    @Test
    void classesChangeOnlyTheHead() {
        Graph g = Zoo.build("resnet20", 100);
        assertEquals(100, g.classes());
        assertEquals(Zoo.build("resnet20").counts().params() + 90 * 64 + 90, g.counts().params());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Zoo.build("resnet57"));
        assertTrue(e.getMessage().contains("resnet56"), e.getMessage());
    }

    private static long count(Graph g, Kind k) {
        return g.layers().stream().filter(l -> l.kind() == k).count();
    }
}
