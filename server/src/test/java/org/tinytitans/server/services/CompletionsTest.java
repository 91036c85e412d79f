package org.tinytitans.server.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.server.TitansAssert.doc;
import static org.tinytitans.server.TitansAssert.item;
import static org.tinytitans.server.TitansAssert.testCompletionFor;
import static org.tinytitans.server.TitansAssert.testNoCompletionFor;

import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.InsertTextFormat;
import org.junit.jupiter.api.Test;

class CompletionsTest {
    static final String HEAD = "experiment e {\n  model resnet56\n  dataset cifar10\n";

    @Test
    void topLevelOffersExperimentAndItsSnippet() {
        List<CompletionItem> items = testCompletionFor("|", "experiment", "experiment (new)", "model", "prune");
        CompletionItem snippet = item(items, "experiment (new)");
        assertEquals(InsertTextFormat.Snippet, snippet.getInsertTextFormat());
        assertTrue(snippet.getTextEdit().getLeft().getNewText().contains("prune filters {"));
    }

    @Test
    void plainTextForClientsWithoutSnippets() {
        var c = org.tinytitans.server.TitansAssert.Caret.of("|");
        var items = Completions.complete(c.doc(), c.offset(), org.tinytitans.server.TitansAssert.ESTIMATES,
                org.tinytitans.server.settings.ClientSupport.of(null), "WORLD").getItems();
        CompletionItem snippet = item(items, "experiment (new)");
        assertTrue(snippet.getInsertTextFormat() == null, "no snippet format");
        String text = snippet.getTextEdit().getLeft().getNewText();
        assertTrue(text.startsWith("experiment name {\n  model resnet56\n") && !text.contains("$"), text);
        assertTrue(snippet.getDocumentation().isLeft(), "plain documentation");
    }

    @Test
    void keywordsByContext() {
        testCompletionFor(HEAD + "  |\n}", "prune", "finetune", "measure", "expect", "seed");
        testCompletionFor(HEAD + "  prune filters {\n    |\n  }\n}", "criterion", "ratio", "scope", "exclude");
        testNoCompletionFor(HEAD + "  prune filters {\n    |\n  }\n}", "pattern", "count", "prune");
        testCompletionFor(HEAD + "  prune weights {\n    |\n  }\n}", "pattern");
        testCompletionFor(HEAD + "  energy {\n    |\n  }\n}", "region", "pue", "intensity");
    }

    @Test
    void criteriaValidForTheGranularityWithDocsAndData() {
        List<CompletionItem> items = testCompletionFor(HEAD + "  prune filters {\n    criterion |\n  }\n}", "l1", "rank", "fpgm", "taylor");
        testNoCompletionFor(HEAD + "  prune filters {\n    criterion |\n  }\n}", "wanda", "block-influence");
        assertTrue(item(items, "rank").getDetail().contains("needs data"));
        assertTrue(item(items, "l1").getDetail().contains("no data"));
        assertTrue(doc(item(items, "l1")).contains("Li et al."));
    }

    @Test
    void criteriaOnlyOfTheModelsFamily() {
        testCompletionFor(HEAD + "  prune layers {\n    criterion |\n  }\n}", "l1", "random", "rank", "cka");
        testNoCompletionFor(HEAD + "  prune layers {\n    criterion |\n  }\n}", "block-influence");
        testCompletionFor(HEAD + "  prune weights {\n    criterion |\n  }\n}", "magnitude", "random");
        testNoCompletionFor(HEAD + "  prune weights {\n    criterion |\n  }\n}", "wanda", "sparsegpt");
        String lm = "experiment e {\n  model tiny-lm\n  dataset text\n";
        testCompletionFor(lm + "  prune layers {\n    criterion |\n  }\n}", "l1", "random", "block-influence");
        testNoCompletionFor(lm + "  prune layers {\n    criterion |\n  }\n}", "rank", "cka");
        testCompletionFor(lm + "  prune weights {\n    criterion |\n  }\n}", "wanda", "sparsegpt");
    }

    @Test
    void ratiosCarryPredictedFlopsAndParams() {
        List<CompletionItem> items = testCompletionFor(HEAD + "  prune filters {\n    criterion l1\n    ratio |\n  }\n}",
                "10%", "30%", "50%", "70%");
        String d30 = item(items, "30%").getDetail();
        String d70 = item(items, "70%").getDetail();
        assertTrue(d30.startsWith("FLOPs "), d30);
        assertTrue(d30.contains("params "), d30);
        assertTrue(percent(d70) > percent(d30), d30 + " vs " + d70);
        assertTrue(doc(item(items, "50%")).contains("resnet56"));
    }

    /** The FLOPs reduction in a detail such as "FLOPs 125.75M -> 88.1M (-29.9%), ...". */
    private static double percent(String detail) {
        String s = detail.substring(detail.indexOf("(-") + 2);
        return Double.parseDouble(s.substring(0, s.indexOf('%')));
    }

    @Test
    void modelsDatasetsMetricsTargetsGranularities() {
        List<CompletionItem> models = testCompletionFor("experiment e {\n  model |\n}", "resnet56", "mnist-cnn", "gpt2-tiny");
        assertTrue(item(models, "resnet56").getDetail().contains("params"), item(models, "resnet56").getDetail());
        testCompletionFor("experiment e {\n  dataset |\n}", "cifar10", "mnist", "synthetic");
        testCompletionFor(HEAD + "  measure flops, |\n}", "params", "latency", "carbon");
        testNoCompletionFor(HEAD + "  measure flops, |\n}", "flops");
        testCompletionFor(HEAD + "  target |\n}", "cpu", "gpu", "ssh", "slurm");
        testCompletionFor(HEAD + "  prune |\n}", "filters", "layers", "weights", "neurons", "heads");
    }

    @Test
    void expectWalksMetricDropOperatorUnit() {
        testCompletionFor(HEAD + "  expect |\n}", "flops", "accuracy");
        testCompletionFor(HEAD + "  expect accuracy |\n}", "drop", "<=", ">=");
        testCompletionFor(HEAD + "  expect latency <= |\n}", "ms", "s", "us");
        testCompletionFor(HEAD + "  expect latency <= 5|\n}", "5ms");
        testCompletionFor(HEAD + "  expect flops <= |\n}", "%");
    }

    @Test
    void unitsRegionsAndChoices() {
        List<CompletionItem> regions = testCompletionFor(HEAD + "  energy {\n    region |\n  }\n}", "BRA", "WORLD", "USA");
        assertEquals("BRA", regions.get(0).getLabel(), "the carbonRegion setting comes first");
        testCompletionFor(HEAD + "  energy {\n    intensity 0.4|\n  }\n}", "0.4kg/kWh", "0.4g/kWh");
        testCompletionFor(HEAD + "  finetune {\n    optimizer |\n  }\n}", "sgd", "adam");
        testCompletionFor(HEAD + "  finetune {\n    nesterov |\n  }\n}", "true", "false");
    }

    @Test
    void excludeOffersLayerNamesOfTheChosenModel() {
        List<CompletionItem> items = testCompletionFor("experiment e {\n  model mnist-cnn\n  prune filters {\n    exclude |\n  }\n}");
        assertTrue(items.size() >= 2, "layers of mnist-cnn: " + items);
        assertTrue(items.stream().allMatch(i -> i.getLabel().startsWith("\"") && i.getLabel().endsWith("\"")));
    }

    @Test
    void nothingInsideComments() {
        assertTrue(org.tinytitans.server.TitansAssert.completionsAt("# crit|erion\n").isEmpty());
    }
}
