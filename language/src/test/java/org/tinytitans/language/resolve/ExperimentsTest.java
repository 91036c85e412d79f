package org.tinytitans.language.resolve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.SpecDocument;
import org.tinytitans.language.catalog.Quantity;

class ExperimentsTest {
    static List<ExperimentRun> runs(String text) {
        return Experiments.resolve(SpecDocument.parse(text));
    }

    @Test
    void theReferenceExampleResolvesToTypedValues() {
        ExperimentRun r = runs(org.tinytitans.language.LanguageReference.markdown().split("```\n")[1]).get(0);
        assertEquals("resnet56_l1", r.name());
        assertEquals("models/ResNet56++.h5", r.model().weights());
        assertEquals(5000, r.dataset().samples());
        PruneSpec p = r.prunes().get(0);
        assertEquals(Granularity.FILTERS, p.granularity());
        assertEquals("l1", p.criterion());
        assertEquals(0.5, p.ratio(), 1e-12);
        assertEquals("per-layer", p.scope());
        assertEquals(2, r.finetune().epochs());
        assertEquals(0.01, r.finetune().lr(), 1e-12);
        assertEquals(List.of("flops", "params", "memory", "latency", "accuracy", "carbon"), r.measures());
        assertEquals(50, r.latency().runs());
        assertEquals("BRA", r.energy().region());
        assertEquals(1.2, r.energy().pue(), 1e-12);
        assertEquals("cpu", r.target().kind());
        ExpectSpec flops = r.expects().get(0);
        assertEquals("flops", flops.metric());
        assertFalse(flops.drop());
        assertEquals(new Quantity(55, "%"), flops.value());
        assertTrue(r.expects().get(1).drop());
        assertTrue(flops.holds(0.5, 0.55));
    }

    @Test
    void exportLinesAndTheLatencyRuntime() {
        ExperimentRun plain = runs("experiment a { model resnet20 }").get(0);
        assertEquals(List.of(), plain.exports());
        assertEquals("engine", plain.latency().runtime());
        List<ExperimentRun> r = runs("export onnx\nexperiment a { model resnet20\n latency { runtime onnxruntime } }\n"
                + "experiment b { model resnet20\n export onnx\n export onnx }");
        assertEquals(List.of("onnx"), r.get(0).exports(), "the top-level default applies");
        assertEquals("onnxruntime", r.get(0).latency().runtime());
        assertEquals(List.of("onnx"), r.get(1).exports(), "repeats collapse");
    }

    @Test
    void sweepsFormTheCartesianProductInDeclarationOrder() {
        List<ExperimentRun> r = runs("experiment s { model resnet20\n prune filters { criterion l1, random\n ratio 30%, 50%, 70% }\n finetune { lr 0.1, 0.01 } }");
        assertEquals(12, r.size());
        assertEquals("criterion=l1,ratio=30%,lr=0.1", r.get(0).variantName());
        assertEquals("criterion=l1,ratio=30%,lr=0.01", r.get(1).variantName());
        assertEquals("criterion=random,ratio=70%,lr=0.01", r.get(11).variantName());
        assertEquals(0.7, r.get(11).prunes().get(0).ratio(), 1e-12);
        assertEquals("random", r.get(11).prunes().get(0).criterion());
        assertEquals("s[criterion=random,ratio=70%,lr=0.01]", r.get(11).id());
    }

    @Test
    void twoSweptPruneBlocksGetDistinctKeys() {
        List<ExperimentRun> r = runs("experiment s { model resnet20\n prune layers { criterion l1, random; count 2 }\n prune filters { criterion l1, fpgm } }");
        assertEquals(4, r.size());
        assertEquals("prune1.criterion=l1,prune2.criterion=fpgm", r.get(1).variantName());
    }

    @Test
    void topLevelStatementsAreDefaultsAndExperimentsOverride() {
        List<ExperimentRun> r = runs("""
                model resnet56 { weights "a.h5" }
                finetune { epochs 3; lr 0.1 }
                expect flops <= 60%
                experiment a { prune filters { ratio 30% } }
                experiment b { model resnet32; finetune { lr 0.05 }; prune weights { pattern 2:4 }; expect accuracy drop <= 1% }
                """);
        assertEquals(2, r.size());
        assertEquals("resnet56", r.get(0).model().name());
        assertEquals("a.h5", r.get(0).model().weights());
        assertEquals("l1", r.get(0).prunes().get(0).criterion());
        assertEquals("resnet32", r.get(1).model().name());
        assertNull(r.get(1).model().weights());
        assertEquals(3, r.get(1).finetune().epochs());
        assertEquals(0.05, r.get(1).finetune().lr(), 1e-12);
        assertEquals(new Pattern(2, 4), r.get(1).prunes().get(0).pattern());
        assertEquals("2:4", r.get(1).prunes().get(0).pattern().toString());
        assertEquals(0.5, r.get(1).prunes().get(0).ratio(), 1e-12, "a pattern implies its ratio, 1 - N/M");
        assertEquals(2, r.get(1).expects().size());
        assertNull(r.get(0).dataset());
    }

    @Test
    void aFileWithoutExperimentIsOneDefaultExperiment() {
        List<ExperimentRun> r = runs("model mnist-cnn\ndataset mnist\nprune filters { criterion l1; ratio 50% }\ntarget slurm \"gpu\" { mem 16GB; gpus 2 }\nenergy { intensity 98g/kWh; price 0.12$/kWh }");
        assertEquals(1, r.size());
        assertEquals("default", r.get(0).name());
        assertEquals("data/mnist", r.get(0).dataset().path());
        assertEquals("slurm", r.get(0).target().kind());
        assertEquals("gpu", r.get(0).target().argument());
        assertEquals(16_000_000_000L, r.get(0).target().memBytes());
        assertEquals(98.0, r.get(0).energy().intensityGPerKwh(), 1e-9);
        assertEquals("$", r.get(0).energy().priceCurrency());
        assertTrue(runs("").isEmpty());
    }

    @Test
    void quantitiesParse() {
        assertEquals(new Quantity(0.432, "kg/kWh"), Quantity.parse("0.432kg/kWh").orElseThrow());
        assertEquals(432.0, Quantity.parse("0.432kg/kWh").orElseThrow().base(), 1e-9);
        assertEquals(1e-4, Quantity.parse("1e-4").orElseThrow().value(), 1e-18);
        assertEquals(0.005, Quantity.parse("5ms").orElseThrow().base(), 1e-12);
        assertTrue(Quantity.parse("5zz").orElseThrow().kind().isEmpty());
        assertTrue(Quantity.parse("abc").isEmpty());
    }
}
