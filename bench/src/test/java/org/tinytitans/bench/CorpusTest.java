package org.tinytitans.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tinytitans.language.Checker;
import org.tinytitans.language.SpecDocument;

class CorpusTest {

    private static String line(String text, int n) { return text.split("\n", -1)[n]; }

    @Test
    void bothDocumentsHaveTheAskedLengthUpToTheYamlHeader() {
        assertEquals(1000, Corpus.prune(1000).lines().count());
        assertEquals(1002, Corpus.yaml(1000, "file:///s.json").lines().count());
        assertThrows(IllegalArgumentException.class, () -> Corpus.prune(30));
    }

    @Test
    void probesPointAtTheSameExperimentsCriterionAndRatio() {
        String prune = Corpus.prune(1000), yaml = Corpus.yaml(1000, "file:///s.json");
        Corpus.Probe p = Corpus.pruneProbe(1000), y = Corpus.yamlProbe(1000);
        String criterion = Corpus.criterion(p.experiment()), ratio = String.valueOf(Corpus.ratio(p.experiment()));
        assertEquals("    criterion " + criterion, line(prune, p.criterionLine()));
        assertEquals("      criterion: " + criterion, line(yaml, y.criterionLine()));
        assertEquals(ratio, line(prune, p.ratioLine()).substring(p.ratioValueColumn(), p.ratioValueColumn() + p.ratioValueLength()));
        assertEquals(ratio, line(yaml, y.ratioLine()).substring(y.ratioValueColumn(), y.ratioValueColumn() + y.ratioValueLength()));
        assertTrue(line(prune, p.criterionLine()).startsWith("criterion", p.criterionKeyColumn()));
        assertTrue(line(yaml, y.criterionLine()).startsWith("criterion", y.criterionKeyColumn()));
        // the line break goes before the second experiment in both
        assertEquals("experiment exp_00001 {", line(prune, p.breakLine()));
        assertEquals("  exp_00001:", line(yaml, y.breakLine()));
    }

    @Test
    void theSpecChecksClean() {
        // Diagnostics after an edit are measured on a valid spec: an error would be a different workload.
        assertEquals(java.util.List.of(), Checker.check(SpecDocument.parse(Corpus.prune(200))));
    }
}
