package org.tinytitans.server.services;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.tinytitans.server.TitansAssert.assertHover;
import static org.tinytitans.server.TitansAssert.hoverAt;

import org.junit.jupiter.api.Test;

class HoverTest {
    static final String HEAD = "experiment e {\n  model resnet56\n  dataset cifar10\n";

    @Test
    void criterionDoc() {
        assertHover(HEAD + "  prune filters {\n    criterion ra|nk\n    ratio 50%\n  }\n}", "HRank", "needs data", "Lin et al.");
    }

    @Test
    void metricDoc() {
        assertHover(HEAD + "  measure flops, lat|ency\n}", "latency", "Median");
        assertHover(HEAD + "  expect fl|ops <= 55%\n}", "flops", "of the baseline");
    }

    @Test
    void propertyMeaningRangeAndDefault() {
        assertHover(HEAD + "  prune filters {\n    rat|io 50%\n  }\n}", "ratio", "0%..99%", "Default: `50%`");
        assertHover(HEAD + "  finetune {\n    l|r 0.01\n  }\n}", "Learning rate", "0..10");
    }

    @Test
    void modelHasItsAnalyticNumbers() {
        assertHover("experiment e {\n  model resn|et56\n}", "CIFAR-10 ResNet-56", "Analytic: params", "FLOPs");
    }

    @Test
    void pruneBlockHasPredictedNumbers() {
        assertHover(HEAD + "  pr|une filters {\n    criterion l1\n    ratio 50%\n  }\n}", "prune filters", "before", "after", "FLOPs");
    }

    @Test
    void nothingOnComments() {
        assertNull(hoverAt("# a comm|ent\n"));
    }
}
