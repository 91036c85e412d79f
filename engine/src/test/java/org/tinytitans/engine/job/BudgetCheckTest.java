package org.tinytitans.engine.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.Codes;
import org.tinytitans.language.Diagnostic;
import org.tinytitans.language.SpecDocument;

/** What only the graph tells: an unreachable `ratio auto` budget and an unknown `layer`, said where they are written. */
class BudgetCheckTest {

    @Test
    void anImpossibleFlopsBudgetIsAnErrorAtItsExpectWithTheLowestReachable() {
        String spec = "model mnist-cnn\nprune filters { criterion l1; ratio auto }\nexpect flops <= 1%\nexpect params <= 90%\n";
        List<Diagnostic> found = BudgetCheck.check(SpecDocument.parse(spec));
        assertEquals(1, found.size(), found.toString());
        Diagnostic d = found.get(0);
        assertEquals(Codes.BUDGET_UNREACHABLE, d.code());
        assertEquals(2, d.range().start().line());
        assertTrue(d.message().matches("expect flops <= 1%: the lowest reachable with these prune blocks is \\d+\\.\\d% \\(every layer at 99%\\)"), d.message());
    }

    @Test
    void aReachableBudgetAndAFixedRatioSayNothing() {
        assertTrue(BudgetCheck.check(SpecDocument.parse("model mnist-cnn\nprune filters { ratio auto }\nexpect flops <= 30%\n")).isEmpty());
        assertTrue(BudgetCheck.check(SpecDocument.parse("model mnist-cnn\nprune filters { ratio 10% }\nexpect flops <= 1%\n")).isEmpty());
    }

    @Test
    void aLayerTheModelDoesNotHaveIsNamedWithTheOnesItHas() {
        List<Diagnostic> found = BudgetCheck.check(SpecDocument.parse("model mnist-cnn\nprune filters { layer \"conv9\" ratio 30% }\n"));
        assertEquals(1, found.size());
        assertEquals(Codes.UNKNOWN_LAYER, found.get(0).code());
        assertEquals(1, found.get(0).range().start().line());
        assertTrue(found.get(0).message().contains("conv1, conv2"), found.get(0).message());
    }
}
