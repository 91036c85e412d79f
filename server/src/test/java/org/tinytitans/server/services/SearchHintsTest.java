package org.tinytitans.server.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.report.SearchResult;
import org.tinytitans.language.SpecDocument;

class SearchHintsTest {

    @Test
    void blocksAreCountedAmongTheirExperimentsPruneBlocksAsThePlanCountsThem() {
        SpecDocument doc = SpecDocument.parse("""
                experiment a {
                  prune weights {
                    ratio 50%
                  }
                  prune filters {
                    ratio auto
                  }
                }
                experiment b {
                  prune filters {
                    ratio 30%, auto
                  }
                }
                """);
        List<SearchBlocks> blocks = SearchBlocks.of(doc);
        assertEquals(List.of("a", "b"), blocks.stream().map(SearchBlocks::experimentName).toList());
        assertEquals(List.of(1, 0), blocks.stream().map(SearchBlocks::index).toList());
        assertEquals("filters", blocks.get(0).granularity());
        assertTrue(SearchBlocks.of(SpecDocument.parse("experiment a {\n  prune filters {\n    ratio 50%\n  }\n}\n")).isEmpty());
        assertTrue(CodeLenses.lenses(SpecDocument.parse("experiment a {\n  prune filters {\n    ratio 50%\n  }\n}\n"), "u", false, null)
                .stream().noneMatch(l -> l.getCommand().getCommand().equals(CodeLenses.SEARCH)), "no search lens without `auto`");
    }

    @Test
    void manyLayersAreSummarisedAndRatiosWrittenAsTheLanguageWritesThem() {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            ratios.put("conv" + i, 0.1 * i);
        }
        assertEquals("6 layers 10%-60%, mean 35%", SearchHints.label(new SearchResult.BlockPlan(0, "filters", ratios, null)));
        assertEquals("a 12.35%", SearchHints.label(new SearchResult.BlockPlan(0, "filters", Map.of("a", 0.12345), null)));
        assertEquals("count 4", SearchHints.label(new SearchResult.BlockPlan(0, "layers", Map.of(), 4)));
        assertEquals("30%", SearchHints.percent(0.30000000000000004));
    }
}
