package org.tinytitans.server.services;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.server.TitansAssert.assertHover;
import static org.tinytitans.server.TitansAssert.d;
import static org.tinytitans.server.TitansAssert.testCompletionFor;
import static org.tinytitans.server.TitansAssert.testDiagnosticsFor;
import static org.tinytitans.server.TitansAssert.testNoCompletionFor;

import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.SpecDocument;

/** The editor side of `ratio auto`: the graph's findings as diagnostics, and completion and hover from the catalog. */
class SearchEditorTest {
    static final String HEAD = "experiment e {\n  model mnist-cnn\n  dataset mnist\n";

    @Test
    void anUnreachableBudgetIsAnErrorAtItsExpectWithTheLowestReachable() {
        String spec = HEAD + "  prune filters {\n    criterion l1\n    ratio auto\n  }\n  expect flops <= 1%\n}\n";
        Diagnostic x = testDiagnosticsFor(spec, d(7, 2, "budget-unreachable"));
        String message = x.getMessage().isLeft() ? x.getMessage().getLeft() : x.getMessage().getRight().getValue();
        assertTrue(message.contains("the lowest reachable with these prune blocks is"), message);
        // the server publishes through merged(): the same finding
        List<Diagnostic> merged = Diagnostics.merged(List.of(), () -> SpecDocument.parse(spec), null);
        assertTrue(merged.stream().anyMatch(m -> m.getCode().getLeft().equals("budget-unreachable")), merged.toString());
    }

    @Test
    void anUnknownLayerIsNamedWhereItIsWritten() {
        testDiagnosticsFor(HEAD + "  prune filters {\n    layer \"conv9\" ratio 30%\n  }\n}\n", d(4, 10, "unknown-layer"));
    }

    @Test
    void completionOffersAutoLayerNamesAndTheSearchBlock() {
        testCompletionFor(HEAD + "  prune filters {\n    ratio |\n  }\n}", "auto", "50%");
        testNoCompletionFor(HEAD + "  prune weights {\n    ratio |\n  }\n}", "auto");
        testCompletionFor(HEAD + "  prune filters {\n    layer |\n  }\n}", "\"conv1\"", "\"conv2\"");
        testCompletionFor(HEAD + "  prune filters {\n    |\n  }\n}", "layer", "ratio");
        testCompletionFor(HEAD + "  |\n}", "search");
        testCompletionFor(HEAD + "  search {\n    |\n  }\n}", "trials", "allocation", "objective", "ratios", "finalists", "finalist-epochs", "samples");
        testCompletionFor(HEAD + "  search {\n    allocation |\n  }\n}", "sensitivity", "uniform");
        testCompletionFor(HEAD + "  measure |\n}", "sensitivity");
    }

    @Test
    void hoverExplainsTheSearch() {
        assertHover(HEAD + "  search {\n    fina|lists 3\n  }\n}", "finalists", "Default: `3`");
        assertHover(HEAD + "  prune filters {\n    rat|io auto\n  }\n}", "ratio auto");
    }
}
