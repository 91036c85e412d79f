package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidatesTest {
    static List<String> labels(String marked) {
        int caret = marked.indexOf('|');
        SpecDocument doc = SpecDocument.parse(marked.substring(0, caret) + marked.substring(caret + 1));
        return Candidates.at(doc, caret).stream().map(Candidate::label).toList();
    }

    static String hover(String marked) {
        int caret = marked.indexOf('|');
        SpecDocument doc = SpecDocument.parse(marked.substring(0, caret) + marked.substring(caret + 1));
        return Hover.at(doc, caret).map(Hover.Result::markdown).orElse("");
    }

    @Test
    void criteriaOfTheGranularity() {
        assertEquals(List.of("magnitude", "random", "wanda", "sparsegpt"), labels("experiment a { prune weights { criterion | } }"));
        assertEquals(List.of("magnitude", "taylor"), labels("experiment a { prune heads { criterion random, | } }"));
    }

    @Test
    void keywordsPerBlock() {
        List<String> prune = labels("experiment a { prune filters {\n  |\n} }");
        assertTrue(prune.containsAll(List.of("criterion", "ratio", "steps", "scope", "pattern", "exclude")), prune.toString());
        List<String> exp = labels("experiment a {\n  |\n}");
        assertTrue(exp.containsAll(List.of("model", "prune", "measure", "expect", "seed")), exp.toString());
        assertFalse(exp.contains("experiment"));
        assertTrue(labels("|").contains("experiment"));
        assertEquals(List.of("workdir", "java", "titans", "gpus", "cpus", "mem", "time", "account", "torch"), labels("experiment a { target slurm \"p\" {\n  |\n} }"));
    }

    @Test
    void valuesOfStatements() {
        assertTrue(labels("experiment a { model | }").contains("resnet56"));
        assertEquals(List.of("filters", "layers", "weights", "neurons", "heads"), labels("experiment a { prune | }"));
        assertFalse(labels("experiment a { measure flops, | }").contains("flops"));
        assertTrue(labels("experiment a { expect accuracy | }").containsAll(List.of("drop", "<=")));
        assertEquals(List.of("per-layer", "global"), labels("experiment a { prune filters { scope | } }"));
        assertTrue(labels("experiment a { energy { region | } }").contains("BRA"));
        assertEquals(List.of(), labels("experiment a { # | }"));
        assertEquals(List.of("onnx"), labels("experiment a { export | }"));
        assertEquals(List.of("engine", "onnxruntime"), labels("experiment a { latency { runtime | } }"));
    }

    @Test
    void hoverDescribesKeywordsAndValues() {
        assertTrue(hover("experiment a { prune filters { criterion ra|nk } }").contains("HRank"));
        assertTrue(hover("experiment a { prune filters { rat|io 50% } }").contains("0%..99%"));
        assertTrue(hover("experiment a { mod|el resnet56 }").startsWith("**model**"));
        assertTrue(hover("experiment a { model resnet5|6 }").contains("CIFAR-10"));
        assertTrue(hover("experiment a { latency { runs 5 } expect latency <= 5|ms }").contains("milliseconds"));
        assertEquals("", hover("experiment a { model resnet56 {  weights \"x|y\" } }"));
        assertTrue(hover("experiment a { export on|nx }").startsWith("**export onnx** (writes `model.onnx`)"));
        assertTrue(hover("experiment a { exp|ort onnx }").startsWith("**export**"));
    }
}
