package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tinytitans.language.SpecAssert.assertDiagnostic;
import static org.tinytitans.language.SpecAssert.assertNoErrors;
import static org.tinytitans.language.SpecAssert.assertOnly;
import static org.tinytitans.language.SpecAssert.check;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.resolve.ExperimentRun;
import org.tinytitans.language.resolve.Experiments;
import org.tinytitans.language.resolve.Granularity;
import org.tinytitans.language.resolve.PruneSpec;

/** `prune tokens`: which models take it, where `after` may point, what `fuse` goes with, and what resolves. */
class TokensCheckTest {

    @Test
    void tokensOnACnnAreFlaggedAtTheGranularity() {
        Diagnostic d = assertOnly("experiment e { model resnet20; dataset cifar10\n prune |tokens { criterion cls-attention; ratio 50% } }",
                "criterion-family");
        assertEquals("prune tokens needs a vision transformer (ViT/DeiT classifier) or a vision-language model (LLaVA-style), but 'resnet20' is a vision model with residual blocks",
                d.message());
    }

    @Test
    void aTokenCriterionOnAnotherGranularityIsFlagged() {
        Diagnostic d = assertOnly("experiment e { model tiny-lm { weights \"m\" }\n prune heads { criterion |cls-attention; ratio 25% } }",
                "criterion-granularity");
        assertEquals("criterion 'cls-attention' does not apply to prune heads (it works on tokens); use one of: random, magnitude, taylor",
                d.message());
    }

    @Test
    void afterTheLastBlockIsAnErrorAtItsValue() {
        String spec = "experiment e {\n  model vit-b16\n  prune tokens {\n    criterion cls-attention\n    after 13\n  }\n}\n";
        List<Diagnostic> errors = check(spec).stream().filter(x -> x.severity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), SpecAssert.show(errors));
        Diagnostic d = errors.get(0);
        assertEquals("after-last-block", d.code());
        assertEquals(4, d.range().start().line()); // 0-based: the fifth line
        assertEquals(10, d.range().start().column());
        assertEquals("'vit-b16' has 12 blocks; tokens are pruned after block 1 to 11, not 13 (no block would run on the pruned tokens)",
                d.message());
        assertOnly("experiment e { model tiny-vit\n prune tokens { after 2, |4 } }", "after-last-block");
        assertNoErrors("experiment e { model vit-b16\n prune tokens { criterion cls-attention; ratio 30%; after 11; fuse true } }");
    }

    @Test
    void afterAndFuseBelongToTokens() {
        assertOnly("experiment e { model resnet56\n prune filters { criterion l1; |after 2 } }", "tokens-only");
        assertOnly("experiment e { model tiny-vit\n prune tokens { criterion similarity; |fuse true } }", "tokens-only");
    }

    @Test
    void tokenCriteriaNeedNoDatasetAndTheDefaultIsClsAttention() {
        assertNoErrors("experiment e { model tiny-vit\n prune tokens { ratio 40% } }");
        ExperimentRun run = Experiments.resolve(SpecDocument.parse(
                "experiment e { model tiny-vit\n prune tokens { ratio 40%; after 2; fuse true } }")).get(0);
        PruneSpec p = run.prunes().get(0);
        assertEquals(Granularity.TOKENS, p.granularity());
        assertEquals("cls-attention", p.criterion());
        assertEquals(0.4, p.ratio(), 1e-12);
        assertEquals(2, p.after());
        assertEquals(true, p.fuse());
        PruneSpec defaults = Experiments.resolve(SpecDocument.parse("experiment e { model tiny-vit\n prune tokens { criterion similarity } }"))
                .get(0).prunes().get(0);
        assertEquals(1, defaults.after());
        assertEquals(false, defaults.fuse());
        assertEquals(0.5, defaults.ratio(), 1e-12);
    }

    @Test
    void afterAndFuseSweepAsOtherPruneProperties() {
        List<ExperimentRun> runs = Experiments.resolve(SpecDocument.parse(
                "experiment e { model tiny-vit\n prune tokens { criterion cls-attention; ratio 25%, 50%; after 1, 2 } }"));
        assertEquals(4, runs.size());
        assertEquals(List.of(1, 1, 2, 2), runs.stream().map(r -> r.prunes().get(0).after()).sorted().toList());
        assertEquals(List.of(0.25, 0.25, 0.5, 0.5), runs.stream().map(r -> r.prunes().get(0).ratio()).sorted().toList());
    }

    @Test
    void aVersionedModelNameIsOneName() {
        assertNoErrors("experiment e { model llava-1.5-7b }");
        assertEquals("llava-1.5-7b", Experiments.resolve(SpecDocument.parse("model llava-1.5-7b")).get(0).model().name());
        assertDiagnostic("experiment e { model tiny-vit; prune tokens { ratio 0.5|.5 } }", "syntax-error"); // numbers are not names
    }
}
