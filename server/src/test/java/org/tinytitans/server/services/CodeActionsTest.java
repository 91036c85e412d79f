package org.tinytitans.server.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tinytitans.server.TitansAssert.apply;
import static org.tinytitans.server.TitansAssert.diagnosticsFor;

import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.SpecDocument;

class CodeActionsTest {
    static final String URI = "file:///tmp/x.prune";

    /** The quick fixes offered for the diagnostics with this code, applied one by one. */
    static List<String> fixes(String text, String code) {
        List<Diagnostic> ds = diagnosticsFor(text).stream().filter(x -> x.getCode().getLeft().equals(code)).toList();
        assertTrue(!ds.isEmpty(), "no " + code + " in " + diagnosticsFor(text));
        List<CodeAction> actions = CodeActions.actions(SpecDocument.parse(text), URI, ds);
        return actions.stream().map(a -> a.getTitle() + " => " + apply(text, a.getEdit().getChanges().get(URI))).toList();
    }

    @Test
    void didYouMean() {
        String text = "experiment e {\n  model resnet56\n  prune filters { criterion l11; ratio 50% }\n}\n";
        List<String> fixes = fixes(text, "unknown-criterion");
        assertTrue(fixes.get(0).startsWith("Did you mean 'l1'? => "), fixes.toString());
        assertTrue(fixes.get(0).contains("criterion l1;"), fixes.get(0));
    }

    @Test
    void fractionToPercent() {
        String text = "experiment e {\n  model resnet56\n  prune filters { criterion l1; ratio 0.5 }\n}\n";
        List<String> fixes = fixes(text, "ratio-as-fraction");
        assertEquals(1, fixes.size());
        assertTrue(fixes.get(0).startsWith("Write as 50% => "), fixes.get(0));
        assertTrue(fixes.get(0).contains("ratio 50% }"));
    }

    @Test
    void clampIntoRange() {
        String text = "experiment e {\n  model resnet56\n  prune filters {\n    criterion l1\n    ratio 150%\n  }\n}\n";
        List<String> fixes = fixes(text, "out-of-range");
        assertTrue(fixes.stream().anyMatch(f -> f.startsWith("Clamp to 99% => ") && f.contains("ratio 99%\n")), fixes.toString());
    }

    @Test
    void addMissingDatasetForDataDrivenCriterion() {
        String text = "experiment e {\n  model resnet56\n  prune filters {\n    criterion rank\n    ratio 50%\n  }\n}\n";
        List<String> fixes = fixes(text, "missing-dataset");
        assertTrue(fixes.get(0).startsWith("Add 'dataset cifar10' => "), fixes.toString());
        assertTrue(fixes.get(0).contains("  model resnet56\n  dataset cifar10\n  prune filters"), fixes.get(0));
        String fixed = fixes.get(0).substring(fixes.get(0).indexOf("=> ") + 3);
        assertTrue(diagnosticsFor(fixed).stream().noneMatch(x -> x.getCode().getLeft().equals("missing-dataset")));
    }
}
