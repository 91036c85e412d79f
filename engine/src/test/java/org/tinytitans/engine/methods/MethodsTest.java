package org.tinytitans.engine.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.vit.ClipConfig;
import org.tinytitans.engine.vit.LlavaConfig;
import org.tinytitans.engine.vit.MultimodalConfig;
import org.tinytitans.engine.vit.VisionTower;
import org.tinytitans.engine.vit.VisionZoo;
import org.tinytitans.engine.vit.VitConfig;
import org.tinytitans.engine.zoo.Zoo;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.MethodInfo;
import org.tinytitans.language.catalog.ModelFamily;
import org.tinytitans.language.catalog.ModelInfo;

/** The engine's registry and the language's catalog hold exactly the same methods, and agree on what each needs. */
class MethodsTest {
    private static final Catalog C = Catalog.get();

    private static Set<MethodInfo> minus(Set<MethodInfo> a, Set<MethodInfo> b) {
        Set<MethodInfo> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }

    @Test
    void theRegistryAndTheCatalogHoldTheSameMethods() {
        Set<MethodInfo> catalog = new LinkedHashSet<>(C.methods());
        Set<MethodInfo> engine = Methods.all().stream().map(PruningMethod::info).collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(Methods.all().size(), engine.size(), "a method is registered twice");
        assertEquals(Set.of(), minus(catalog, engine), "the language offers these, but the engine cannot run them");
        assertEquals(Set.of(), minus(engine, catalog), "the engine runs these, but the language does not offer them");
    }

    @Test
    void everyMethodNeedsDataExactlyWhenItsCatalogCostSaysSo() {
        for (PruningMethod m : Methods.all()) {
            assertEquals(m.doc().needsData(), m.needsData(), m.info() + " (cost " + m.doc().cost() + ")");
        }
    }

    @Test
    void eachImplementationServesItsOwnKindOfModel() {
        for (PruningMethod m : Methods.all()) {
            MethodInfo i = m.info();
            if (m instanceof VisionScoring s) {
                assertNotEquals(ModelFamily.LANGUAGE, i.family(), i.toString());
                assertTrue(List.of("filters", "layers").contains(i.granularity()), i.toString());
                assertEquals(i.criterion(), s.criterion().name(), i.toString());
            } else if (m instanceof VisionWeights) {
                assertTrue(i.family() != ModelFamily.LANGUAGE && i.granularity().equals("weights"), i.toString());
            } else if (m instanceof TokenPruning t) {
                assertEquals(ModelFamily.VIT, i.family(), i.toString());
                assertEquals("tokens", i.granularity(), i.toString());
                assertEquals(i.criterion(), t.rule().criterion(), i.toString());
            } else if (m instanceof VitStructure v) {
                // a vision transformer's MLP units and blocks, removed physically; weights-only scores
                assertEquals(ModelFamily.VIT, i.family(), i.toString());
                assertTrue(List.of("neurons", "heads", "layers", "weights").contains(i.granularity()), i.toString());
                assertEquals(i.criterion().equals("random"), v.score() == org.tinytitans.engine.vit.VitPrune.Score.RANDOM, i.toString());
            } else if (m instanceof VisualTokens) {
                assertTrue(i.family() == ModelFamily.VLM && i.granularity().equals("tokens"), i.toString());
            } else {
                // the language pruners serve language models and a vision-language model's decoder
                assertTrue(List.of(ModelFamily.LANGUAGE, ModelFamily.VLM).contains(i.family()), i.toString());
                assertNotEquals("tokens", i.granularity(), i.toString());
            }
        }
    }

    @Test
    void aVisionZooModelsFamilyIsWhatItsGraphShows() {
        for (ModelInfo m : C.models()) {
            if (List.of(ModelFamily.CNN, ModelFamily.RESIDUAL).contains(m.modelFamily())) {
                assertTrue(Zoo.has(m.name()), m.name() + " is in the catalog's zoo but not the engine's");
                assertEquals(m.modelFamily(), Families.of(Zoo.build(m.name())), m.name());
            }
        }
    }

    @Test
    void theCatalogsTransformerModelsAreTheVisionZoosShapes() {
        Set<String> catalog = new LinkedHashSet<>();
        for (ModelInfo m : C.models()) {
            if (!List.of(ModelFamily.CNN, ModelFamily.RESIDUAL, ModelFamily.LANGUAGE).contains(m.modelFamily())) {
                catalog.add(m.name());
                MultimodalConfig c = VisionZoo.shape(m.name()).orElseThrow(() -> new AssertionError(m.name() + " is not in VisionZoo"));
                VisionTower t = c instanceof VitConfig v ? v.tower() : c instanceof ClipConfig k ? k.vision() : ((LlavaConfig) c).vision();
                // `after K` counts encoder blocks on a ViT and decoder layers on a VLM (FastV drops tokens in the decoder)
                assertEquals(c instanceof LlavaConfig l ? l.text().layers() : t.encoder().layers(), m.blocks(), m.name() + ": blocks");
                assertEquals(List.of(t.imageSize(), t.imageSize(), t.channels()), m.inputShape(), m.name() + ": input");
                assertEquals(c instanceof VitConfig v ? v.labels() : 0, m.classes(), m.name() + ": classes");
                assertEquals(c instanceof VitConfig ? ModelFamily.VIT : c instanceof ClipConfig ? ModelFamily.CLIP : ModelFamily.VLM,
                        m.modelFamily(), m.name());
            }
        }
        assertEquals(VisionZoo.all().keySet(), catalog);
    }

    @Test
    void aMismatchIsWordedAsTheCheckerWordsIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Methods.require("weights", ModelFamily.RESIDUAL, "wanda", "resnet20"));
        assertEquals("criterion wanda needs a language model; for resnet20's weights: magnitude, random", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Methods.require("layers", ModelFamily.CNN, "l1", "mnist-cnn"));
        assertEquals("prune layers needs a vision model with residual blocks or a language model or a vision transformer "
                + "(ViT/DeiT classifier) or a vision-language model (LLaVA-style), but 'mnist-cnn' is a vision CNN", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Methods.require("neurons", ModelFamily.VLM, "wanda", "tiny-vlm"));
        assertEquals("criterion wanda needs a language model; for tiny-vlm's neurons: random, magnitude", e.getMessage());
    }
}
