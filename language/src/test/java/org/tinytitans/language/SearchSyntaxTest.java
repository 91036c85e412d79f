package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.language.SpecAssert.assertDiagnostic;
import static org.tinytitans.language.SpecAssert.assertNoErrors;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.language.resolve.PruneSpec;

/** `ratio auto`, `layer "NAME" ratio R`, the `search` block and `measure sensitivity`: checked and resolved. */
class SearchSyntaxTest {
    private static final String SEARCH = """
            experiment s {
              model mnist-cnn
              dataset mnist
              prune filters { criterion l1; ratio auto }
              search { trials 8; allocation uniform; ratios 25%, 50%; finalists 2; finalist-epochs 0; samples 200 }
              measure flops, accuracy, sensitivity
              expect flops <= 50%
            }
            """;

    @Test
    void aSearchChecksCleanAndResolvesItsSettings() {
        assertNoErrors(SEARCH);
        ExperimentRun run = Experiments.resolve(SpecDocument.parse(SEARCH)).get(0);
        PruneSpec p = run.prunes().get(0);
        assertTrue(p.auto());
        assertNull(p.ratio());
        assertTrue(run.searches());
        assertEquals(8, run.search().trials());
        assertEquals("uniform", run.search().allocation());
        assertEquals("accuracy", run.search().objective());
        assertEquals(List.of(0.25, 0.5), run.search().ratios());
        assertEquals(2, run.search().finalists());
        assertEquals(0, run.search().finalistEpochs());
        assertEquals(200, run.search().samples());
        assertTrue(run.measures().contains("sensitivity"));
    }

    @Test
    void withoutASearchBlockTheCatalogDefaultsApplyAndALanguageModelSearchesPerplexity() {
        ExperimentRun run = Experiments.resolve(SpecDocument.parse(
                "model tiny-lm; dataset text; prune neurons { criterion magnitude; ratio auto }")).get(0);
        assertEquals("perplexity", run.search().objective());
        assertEquals(List.of(0.2, 0.4, 0.6, 0.8), run.search().ratios());
        assertEquals(3, run.search().finalists());
        assertNull(run.search().range());
    }

    @Test
    void layerLinesResolveToPerLayerRatios() {
        String text = "model mnist-cnn; prune filters { criterion l1; ratio 10%; layer \"conv2d\" ratio 30%; layer \"conv2d_1\" ratio 0.55 }";
        assertNoErrors(text);
        PruneSpec p = Experiments.resolve(SpecDocument.parse(text)).get(0).prunes().get(0);
        assertEquals(Map.of("conv2d", 0.3, "conv2d_1", 0.55), p.layerRatios());
        assertEquals(0.1, p.ratio());
        assertFalse(p.auto());
    }

    @Test
    void misuseIsAnErrorWhereItIsWritten() {
        Diagnostic d = assertDiagnostic("model resnet56; prune weights { ratio |auto }", Codes.AUTO_RATIO_GRANULARITY);
        assertTrue(d.message().contains("not prune weights"), d.message());
        assertDiagnostic("model resnet56; prune filters { ratio 30%, |auto }", Codes.AUTO_RATIO_SWEEP);
        assertDiagnostic("model resnet56; prune filters { ratio 50% }; |search { trials 4 }", Codes.SEARCH_WITHOUT_AUTO);
        assertDiagnostic("model resnet56; prune layers { |layer \"conv2d_1\" ratio 30% }", Codes.LAYER_RATIO_GRANULARITY);
        assertDiagnostic("model mnist-cnn; prune filters { layer |conv2d ratio 30% }", Codes.WRONG_TYPE);
        assertDiagnostic("model mnist-cnn; prune filters { layer \"conv2d\" |ratio }", Codes.MISSING_VALUE);
        assertDiagnostic("model mnist-cnn; prune filters { layer \"conv2d\" ratio |150% }", Codes.OUT_OF_RANGE);
        assertDiagnostic("model mnist-cnn; search { allocation |greedy }; prune filters { ratio auto }", Codes.UNKNOWN_VALUE);
        assertDiagnostic("model mnist-cnn; measure sensitivity; expect |sensitivity >= 1", Codes.EXPECT_SYNTAX);
    }
}
