package org.tinytitans.language.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {
    final Catalog c = Catalog.get();

    private List<String> names(String granularity) {
        return c.criteria(granularity).stream().map(CriterionInfo::name).toList();
    }

    @Test
    void criteriaPerGranularityAreExactlyTheLanguageTable() {
        assertEquals(List.of("l1", "random", "rank", "expected-abs", "kl-divergence", "cka", "l2", "taylor", "fpgm"), names("filters"));
        assertEquals(List.of("l1", "random", "rank", "expected-abs", "kl-divergence", "cka", "block-influence"), names("layers"));
        assertEquals(List.of("magnitude", "random", "wanda", "sparsegpt"), names("weights"));
        assertEquals(List.of("random", "magnitude", "wanda", "taylor"), names("neurons"));
        assertEquals(List.of("random", "magnitude", "taylor"), names("heads"));
    }

    @Test
    void dataDrivenCriteria() {
        Set<String> data = c.criteria().stream().filter(CriterionInfo::needsData).map(CriterionInfo::name).collect(Collectors.toSet());
        assertEquals(Set.of("rank", "expected-abs", "kl-divergence", "cka", "wanda", "taylor", "sparsegpt", "block-influence"), data);
    }

    @Test
    void granularitiesOfEachCriterionAgreeWithTheTable() {
        for (CriterionInfo k : c.criteria()) {
            for (GranularityInfo g : c.granularities()) {
                assertEquals(g.criteria().contains(k.name()), k.granularities().contains(g.name()), k.name() + " / " + g.name());
            }
        }
    }

    @Test
    void methodsStateWhichFamilyEachCriterionFits() {
        List<String> vision = List.of("magnitude", "random");
        assertEquals(vision, c.criteria("weights", ModelFamily.CNN).stream().map(CriterionInfo::name).toList());
        assertEquals(List.of("magnitude", "random", "wanda", "sparsegpt"),
                c.criteria("weights", ModelFamily.LANGUAGE).stream().map(CriterionInfo::name).toList());
        assertTrue(c.criteria("layers", ModelFamily.CNN).isEmpty(), "a plain CNN has no removable blocks");
        assertEquals(List.of(ModelFamily.LANGUAGE), c.families("layers", "block-influence"));
        assertEquals(List.of(ModelFamily.CNN, ModelFamily.RESIDUAL), c.granularity("filters").orElseThrow().families());
        // Every method is unique and names a known granularity and criterion.
        assertEquals(c.methods().size(), Set.copyOf(c.methods()).size());
        for (MethodInfo m : c.methods()) {
            assertTrue(c.granularity(m.granularity()).isPresent() && c.criterion(m.criterion()).isPresent(), m.toString());
        }
        assertEquals(ModelFamily.CNN, c.model("mnist-cnn").orElseThrow().modelFamily());
        assertEquals("vision", c.model("resnet20").orElseThrow().family());
        assertEquals("filters of vision CNNs and residual vision models; layers of residual vision models, language models, vision transformers and vision-language models", c.applies("l1"));
        // a vision-language model: its decoder by the weights-only LM criteria, and its visual tokens
        assertEquals(List.of(ModelFamily.VLM), c.families("tokens", "attention-received"));
        assertEquals(List.of(ModelFamily.VIT, ModelFamily.VLM), c.granularity("tokens").orElseThrow().families());
        assertEquals(List.of("magnitude", "random"), c.criteria("weights", ModelFamily.VLM).stream().map(CriterionInfo::name).toList());
        assertEquals("multimodal", c.model("tiny-vlm").orElseThrow().family());
        assertEquals("multimodal", c.dataset("visual-qa").orElseThrow().family());
    }

    @Test
    void theDefaultCriterionOfAGranularityFitsEveryFamilyItAppliesTo() {
        for (GranularityInfo g : c.granularities()) {
            for (ModelFamily f : g.families()) {
                String d = c.defaultCriterion(g.name(), f).orElseThrow();
                assertTrue(c.runs(g.name(), f, d), "prune " + g.name() + " without a criterion uses " + d + ", which " + f + " lacks");
            }
        }
    }

    @Test
    void unitsAndLookups() {
        assertEquals(UnitKind.CARBON_INTENSITY, c.unit("kg/kWh").orElseThrow().kind());
        assertEquals(1e6, c.unit("M").orElseThrow().factor());
        assertTrue(c.isRegion("BRA") && c.isRegion("WORLD"));
        assertFalse(c.isRegion("bra") || c.isRegion("BR"));
        assertEquals("l1", c.defaultCriterion("filters").orElseThrow());
        assertEquals("magnitude", c.defaultCriterion("neurons").orElseThrow());
        assertEquals("resnet56", Catalog.didYouMean("resnet57", c.models().stream().map(ModelInfo::name).toList()).orElseThrow());
        assertTrue(Catalog.didYouMean("zzzz", List.of("l1", "rank")).isEmpty());
        assertEquals("cifar10", c.model("resnet56").orElseThrow().defaultDataset());
        assertTrue(c.model("tiny-lm").orElseThrow().isLanguage());
    }

    @Test
    void everyBlockPropertyHasADocAndDefaultsAreInRange() {
        for (BlockInfo b : c.blocks()) {
            for (PropertyInfo p : b.properties()) {
                assertFalse(p.doc().isBlank(), p.name());
            }
        }
        assertEquals("0%..99%", c.property("prune", "ratio").orElseThrow().rangeText());
    }
}
