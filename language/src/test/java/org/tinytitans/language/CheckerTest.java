package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.language.SpecAssert.assertDiagnostic;
import static org.tinytitans.language.SpecAssert.assertNoDiagnostic;
import static org.tinytitans.language.SpecAssert.assertNoErrors;
import static org.tinytitans.language.SpecAssert.assertOnly;
import static org.tinytitans.language.SpecAssert.experiment;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerTest {
    @Test
    void theReferenceExampleHasNoDiagnosticsAtAll() {
        assertEquals(List.of(), SpecAssert.check(ParserTest.EXAMPLE));
    }

    @Test
    void unknownCriterionSuggestsTheClosest() {
        Diagnostic d = assertOnly(experiment("prune filters { criterion |l3; ratio 50% }"), "unknown-criterion");
        assertEquals("unknown criterion 'l3' for prune filters; did you mean 'l1'?", d.message());
        assertEquals("l1", d.suggestions().get(0));
    }

    @Test
    void criterionOfAnotherGranularity() {
        Diagnostic d = assertOnly(experiment("prune filters { criterion |wanda; ratio 50% }"), "criterion-granularity");
        assertTrue(d.message().contains("does not apply to prune filters"), d.message());
        assertOnly(experiment("prune weights { criterion |fpgm; ratio 50% }"), "criterion-granularity");
        assertNoErrors("experiment e { model tiny-lm { weights \"m\" }; dataset text { path \"t.txt\" }\n prune layers { criterion block-influence; count 2 } }");
    }

    @Test
    void criterionTheModelsFamilyCannotUseNamesTheOnesItCan() {
        Diagnostic d = assertOnly("experiment e { model resnet20; dataset cifar10\n prune weights { criterion |wanda; ratio 50% } }", "criterion-model");
        assertEquals("criterion wanda needs a language model; for resnet20's weights: magnitude, random", d.message());
        assertEquals(List.of("magnitude", "random"), d.suggestions());
        d = assertOnly(experiment("prune layers { criterion |block-influence; count 2 }"), "criterion-model");
        assertEquals("criterion block-influence needs a language model; for resnet56's layers: l1, random, rank, expected-abs, kl-divergence, cka",
                d.message());
        d = assertOnly("experiment e { model tiny-lm { weights \"m\" }; dataset text { path \"t.txt\" }\n prune layers { criterion |rank } }",
                "criterion-model");
        assertEquals("criterion rank needs a vision model with residual blocks; for tiny-lm's layers: l1, random, block-influence", d.message());
        assertNoErrors("experiment e { model tiny-lm { weights \"m\" }; dataset text { path \"t.txt\" }\n prune weights { criterion wanda } }");
    }

    @Test
    void granularityTheModelsFamilyLacks() {
        Diagnostic d = assertOnly("experiment e { model mnist-cnn; dataset mnist\n prune |layers { criterion l1; count 1 } }", "criterion-family");
        assertEquals("prune layers needs a vision model with residual blocks or a language model or a vision transformer (ViT/DeiT classifier) or a vision-language model (LLaVA-style), but 'mnist-cnn' is a vision CNN", d.message());
    }

    @Test
    void visualTokensOfAVisionLanguageModel() {
        String vlm = "experiment e { model tiny-vlm { weights \"m\" }; dataset visual-qa { path \"q.jsonl\" }\n";
        assertNoErrors(vlm + "prune tokens { criterion attention-received; ratio 50%; after 2 }\n prune heads { criterion magnitude; ratio 50% } }");
        assertOnly(vlm + "prune heads { criterion magnitude; ratio 50%; |after 2 } }", "tokens-only");
        Diagnostic d = assertOnly(vlm + "prune tokens { criterion |magnitude; ratio 50%; after 2 } }", "criterion-granularity");
        assertEquals(true, d.message().contains("attention-received"), d.message());
        d = assertOnly(experiment("prune |tokens { criterion attention-received; ratio 50%; after 2 }"), "criterion-family");
        assertEquals("prune tokens needs a vision transformer (ViT/DeiT classifier) or a vision-language model (LLaVA-style), but 'resnet56' is a vision model with residual blocks", d.message());
        d = assertOnly("experiment e { model tiny-vlm { weights \"m\" }; dataset |text { path \"t.txt\" }\n prune heads { criterion random; ratio 50% } }", "model-dataset-mismatch");
        assertEquals("dataset 'text' is language data but model 'tiny-vlm' is a multimodal model", d.message());
    }

    @Test
    void dataDrivenCriterionWithoutDatasetIsSaidAtTheCriterion() {
        assertDiagnostic("experiment e { model resnet56\n prune filters { criterion l1, |rank; ratio 50% } }", "missing-dataset");
        assertNoDiagnostic("dataset cifar10\nexperiment e { model resnet56\n prune filters { criterion rank } }", "missing-dataset");
        assertNoDiagnostic("experiment e { model resnet56\n prune filters { criterion l1, random, fpgm, l2 } }", "missing-dataset");
    }

    @Test
    void valuesOutOfRange() {
        assertOnly(experiment("prune filters { criterion l1; ratio |150% }"), "out-of-range");
        assertOnly(experiment("prune filters { criterion l1; ratio |50 }"), "out-of-range");
        assertOnly(experiment("finetune { epochs |-1 }\nprune filters { criterion l1; ratio 50% }"), "out-of-range");
        assertOnly(experiment("energy { pue |0.5 }\nprune filters { criterion l1; ratio 50% }"), "out-of-range");
    }

    @Test
    void ratioAsFractionIsAnInfoWithAQuickFix() {
        Diagnostic d = assertDiagnostic(experiment("prune filters { criterion l1; ratio |0.5 }"), "ratio-as-fraction");
        assertEquals(Severity.INFO, d.severity());
        assertEquals(List.of("50%"), d.suggestions());
    }

    @Test
    void wrongUnits() {
        Diagnostic d = assertOnly(experiment("prune filters { criterion l1; ratio 50% }\nexpect latency <= |5%"), "wrong-unit");
        assertEquals(List.of("5ms"), d.suggestions());
        assertOnly(experiment("prune filters { criterion l1; ratio 50% }\nexpect carbon <= |5ms"), "wrong-unit");
        assertOnly(experiment("prune filters { criterion l1; ratio 50% }\nenergy { intensity |0.4W }"), "wrong-unit");
        assertOnly(experiment("prune filters { criterion l1; ratio 50% }\nfinetune { lr |0.1ms }"), "wrong-unit");
        assertNoErrors(experiment("prune filters { criterion l1; ratio 50% }\nexpect latency <= 5ms\nexpect speedup >= 1.5x\n"
                + "expect carbon <= 10g\nexpect accuracy >= 90%\nexpect params <= 400K\nexpect energy <= 2Wh\nexpect water <= 1L"));
    }

    @Test
    void unknownUnitSuggestsOne() {
        Diagnostic d = assertOnly(experiment("prune filters { criterion l1; ratio 50% }\nexpect latency <= |5mss"), "unknown-unit");
        assertTrue(d.suggestions().contains("5ms"), d.suggestions().toString());
    }

    @Test
    void unknownNames() {
        assertOnly(experiment("prune |filter { criterion l1; ratio 50% }"), "unknown-granularity");
        assertOnly("experiment e { model |resnet57\n prune filters { criterion l1; ratio 50% } }", "unknown-model");
        assertOnly("experiment e { model resnet56; dataset |cifar11\n prune filters { criterion l1; ratio 50% } }", "unknown-dataset");
        assertOnly(experiment("prune filters { criterion l1; ratio 50% }\nmeasure flops, |parms"), "unknown-metric");
        assertOnly(experiment("prune filters { criterion l1; ratio 50% }\ntarget |tpu"), "unknown-target");
        assertOnly(experiment("prune filters { criterion l1; ratio 50% }\n|prunes layers"), "unknown-block");
        Diagnostic d = assertOnly(experiment("prune filters { criterion l1; |ratoi 50% }"), "unknown-property");
        assertEquals("unknown property 'ratoi' in prune; did you mean 'ratio'?", d.message());
        assertOnly(experiment("prune filters { criterion l1; ratio 50%; scope |everywhere }"), "unknown-value");
    }

    @Test
    void duplicates() {
        assertDiagnostic("experiment a { model resnet20 }\nexperiment |a { model resnet20 }", "duplicate-experiment");
        assertOnly(experiment("prune filters { criterion l1; ratio 50%; |ratio 30% }"), "duplicate-property");
        assertOnly(experiment("prune filters { criterion l1; ratio 50% }\n|model resnet20"), "duplicate-block");
    }

    @Test
    void exportNamesAKnownFormatForAVisionModel() {
        assertNoErrors(experiment("prune filters { criterion l1; ratio 50% }\nexport onnx\nlatency { runtime onnxruntime }"));
        assertOnly(experiment("prune filters { criterion l1; ratio 50% }\nexport |tflite"), "unknown-export-format");
        assertOnly(experiment("prune filters { criterion l1; ratio 50% }\n|export"), "missing-value");
        assertOnly(experiment("prune filters { criterion l1; ratio 50% }\nlatency { runtime |tensorrt }"), "unknown-value");
        assertDiagnostic("experiment e { model tiny-lm; dataset text\n prune heads { criterion taylor; ratio 30% }\n export |onnx }", "vision-only");
        assertDiagnostic("experiment e { model tiny-lm; dataset text\n prune heads { criterion taylor; ratio 30% }\n latency { runtime |onnxruntime } }", "vision-only");
    }

    @Test
    void patternOnlyForWeightsAndCountOnlyForLayers() {
        assertOnly(experiment("prune filters { criterion l1; ratio 50%; |pattern 2:4 }"), "pattern-outside-weights");
        assertNoErrors(experiment("prune weights { criterion magnitude; pattern 2:4 }"));
        assertOnly(experiment("prune weights { criterion magnitude; pattern |4:2 }"), "invalid-pattern");
        assertOnly(experiment("prune filters { criterion l1; |count 3 }"), "count-outside-layers");
        assertOnly(experiment("prune layers { criterion l1; ratio 50%; |count 3 }"), "ratio-and-count");
        assertNoErrors(experiment("prune filters { criterion l1; ratio 30%; round-to 8 }"));
        assertOnly(experiment("prune weights { criterion magnitude; ratio 50%; |round-to 8 }"), "round-to-outside-filters");
    }

    @Test
    void sweepsBeyondTheLimit() {
        String big = "|experiment e { model resnet56\n prune filters { criterion l1, random, l2, fpgm\n ratio 10%, 20%, 30%, 40%, 50%, 60%, 70%, 80%\n steps 1, 2, 3, 4, 5, 6, 7, 8, 9 } }";
        Diagnostic d = assertOnly(big, "sweep-too-large");
        assertTrue(d.message().contains("288"), d.message());
        assertNoErrors("experiment e { model resnet56\n prune filters { criterion l1, random, fpgm\n ratio 30%, 50%, 70% } }");
    }

    @Test
    void structure() {
        assertDiagnostic("|experiment e { prune filters { criterion l1; ratio 50% } }", "missing-model");
        Diagnostic d = assertDiagnostic("|experiment e { model resnet56 }", "missing-prune");
        assertEquals(Severity.WARNING, d.severity());
        assertDiagnostic("|experiment e { }", "empty-experiment");
        assertDiagnostic(experiment("|ratio 50%\nprune filters { criterion l1 }"), "misplaced-statement");
        assertDiagnostic(experiment("prune filters { criterion l1; ratio 50%\n |model resnet20 }"), "misplaced-statement");
        assertDiagnostic(experiment("prune filters { criterion l1; ratio 50% }\n|measure"), "missing-value");
    }

    @Test
    void datasetClassesAgainstTheModelsOutputs() {
        String prune = "\n prune filters { criterion l1; ratio 50% } }";
        Diagnostic d = assertDiagnostic("experiment e { model mobilenetv2\n dataset imagenet { classes |10 }" + prune, "classes-mismatch");
        assertTrue(d.message().contains("10 classes but model mobilenetv2 has 1000 outputs"), d.message());
        // the kind's own class count when none is given; the model's `classes` when it has one
        assertDiagnostic("experiment e { model resnet56\n dataset |imagenet { path \"d\" }" + prune, "classes-mismatch");
        assertDiagnostic("experiment e { model resnet56 { classes 100 }\n dataset |cifar10" + prune, "classes-mismatch");
        for (String ok : new String[] {"model mobilenetv2\n dataset imagenet { classes 1000; preprocess tf }",
                "model resnet56 { classes 1000 }\n dataset imagenet", "model resnet56\n dataset cifar10",
                "model mobilenetv2\n dataset imagenet { classes \"labels.txt\" }"}) {
            List<Diagnostic> ds = SpecAssert.check("experiment e { " + ok + prune);
            assertTrue(ds.stream().noneMatch(x -> x.severity() != Severity.INFO), ok + ": " + SpecAssert.show(ds));
        }
        assertDiagnostic("experiment e { model mobilenetv2\n dataset imagenet { preprocess |keras }" + prune, "unknown-value");
    }

    @Test
    void missingValuesAndTypes() {
        assertDiagnostic(experiment("prune filters { criterion l1; |ratio }"), "missing-value");
        assertDiagnostic("experiment e { model resnet56 { weights |42 }\n prune filters { criterion l1; ratio 50% } }", "wrong-type");
        assertDiagnostic(experiment("prune filters { criterion l1; ratio 50% }\nfinetune { nesterov |yes }"), "wrong-type");
        assertDiagnostic(experiment("prune filters { criterion l1; ratio 50% }\nlatency { runs 5, |6 }"), "too-many-values");
        assertDiagnostic(experiment("prune filters { criterion l1; ratio 50% }\nenergy { region |bra }"), "invalid-region");
    }

    @Test
    void expectForms() {
        assertDiagnostic(experiment("prune filters { criterion l1; ratio 50% }\nexpect accuracy |= 2%"), "expect-syntax");
        assertDiagnostic(experiment("prune filters { criterion l1; ratio 50% }\nexpect accuracy drop |<="), "expect-syntax");
        assertDiagnostic(experiment("prune filters { criterion l1; ratio 50% }\n|expect"), "expect-syntax");
        assertDiagnostic(experiment("prune filters { criterion l1; ratio 50% }\nexpect accuracy >= |120%"), "out-of-range");
        Diagnostic d = assertDiagnostic(experiment("prune filters { criterion l1; ratio 50% }\nmeasure flops\nexpect |accuracy >= 90%"), "expect-not-measured");
        assertEquals(Severity.INFO, d.severity());
    }

    @Test
    void familiesMustMatch() {
        assertDiagnostic("experiment e { model tiny-lm; dataset |cifar10\n prune layers { criterion l1; ratio 30% } }", "model-dataset-mismatch");
        assertDiagnostic("experiment e { model resnet56\n prune |heads { criterion random; ratio 30% } }", "criterion-family");
        assertNoErrors("experiment e { model tiny-lm; dataset text\n prune heads { criterion taylor; ratio 30% }\n prune neurons { criterion wanda; ratio 20% } }");
    }

    @Test
    void targets() {
        assertNoErrors(experiment("prune filters { criterion l1; ratio 50% }\ntarget ssh \"me@gpu-box\" { workdir \"/tmp/t\"; gpu 1 }"));
        assertNoErrors(experiment("prune filters { criterion l1; ratio 50% }\ntarget slurm \"gpu\" { gpus 1; cpus 8; mem 16GB; time \"01:00:00\" }"));
        assertNoErrors(experiment("prune filters { criterion l1; ratio 50% }\ntarget gpu 1"));
        assertDiagnostic(experiment("prune filters { criterion l1; ratio 50% }\ntarget |ssh"), "missing-value");
        assertDiagnostic(experiment("prune filters { criterion l1; ratio 50% }\ntarget ssh \"h\" { |gpus 2 }"), "unknown-property");
    }

    @Test
    void demandingUserExtensionsCheck() {
        assertNoErrors("""
                experiment full {
                  description "everything at once"
                  seed 7
                  model resnet56 { weights "w.h5"; input 32, 32, 3; classes 10 }
                  dataset cifar10 { path "d"; samples 5000; split test; batch 256; classes 10 }
                  prune layers { criterion kl-divergence; count 2 }
                  prune filters { criterion taylor, cka; ratio 30%, 50%; steps 3; scope global; exclude "conv2d_1", "dense_*"; seed 3; samples 1000; min-filters 2 }
                  finetune { epochs 10; lr 0.01; batch 128; optimizer sgd; momentum 0.9; nesterov true; weight-decay 1e-4; warmup 1; schedule step; milestones 5, 8; gamma 0.1; distill true; augment true }
                  latency { batch 1; runs 100; warmup 10; threads 4 }
                  energy { region USA; intensity 0.432kg/kWh; pue 1.58; wue 1.8L/kWh; price 0.12$/kWh; tdp 250W; gpu-power 300W }
                  measure flops, params, memory, latency, throughput, accuracy, sparsity, energy, carbon, water, cost, speedup
                  expect speedup >= 1.2x
                  expect cost <= 1$
                }
                """);
    }

    @Test
    void checkNeverDoublesASyntaxErrorWithSemanticNoise() {
        List<Diagnostic> ds = SpecAssert.check("experiment e { model resnet56\n prune filters { criterion l1; ratio 50% }\n  @@@\n}");
        assertEquals(1, ds.stream().filter(d -> d.severity() == Severity.ERROR).count(), SpecAssert.show(ds));
        List<Diagnostic> half = SpecAssert.check(experiment("prune filters {\n ratio 5@@0%\n criterion l1 }"));
        assertEquals(List.of("invalid-character"), half.stream().map(Diagnostic::code).toList(), SpecAssert.show(half));
    }

    @Test
    void everyCodeIsRegisteredAndDiagnosticsAreSorted() {
        List<Diagnostic> ds = SpecAssert.check("experiment e { model resnet57\n prune filter { ratio 150% }\n measure parms }");
        for (int i = 1; i < ds.size(); i++) {
            assertTrue(ds.get(i - 1).range().start().offset() <= ds.get(i).range().start().offset());
        }
        ds.forEach(d -> assertTrue(Codes.all().containsKey(d.code()), d.code()));
    }
}
