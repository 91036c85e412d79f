package org.tinytitans.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tinytitans.engine.job.ExitCodes;
import org.tinytitans.language.catalog.Catalog;
import org.tinytitans.language.catalog.CriterionInfo;
import org.tinytitans.language.catalog.ModelInfo;

class CatalogCommandsTest {

    /** Text with its line wrapping undone, to find a catalog doc in wrapped output. */
    static String flat(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void modelsListsTheZooWithItsDocs() {
        CliRun run = CliRun.of("models");
        assertEquals(ExitCodes.OK, run.exitCode());
        for (ModelInfo m : Catalog.get().models()) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(m.name() + " ")), m.name());
            assertTrue(flat(run.out()).contains(m.doc()), m.doc());
        }
        assertTrue(run.out().contains("mnist-cnn") && run.out().contains("28x28x1"), run.out());
    }

    @Test
    void modelsJsonMatchesTheCatalog() {
        JsonArray arr = JsonParser.parseString(CliRun.of("models", "--json").out()).getAsJsonArray();
        assertEquals(Catalog.get().models().size(), arr.size());
        assertEquals("resnet20", arr.get(0).getAsJsonObject().get("name").getAsString());
        assertEquals("cifar10", arr.get(0).getAsJsonObject().get("dataset").getAsString());
    }

    @Test
    void criteriaForAGranularityAreTheCatalogsInOrderWithDocsAndDefault() {
        CliRun run = CliRun.of("criteria", "--granularity", "filters", "--json");
        assertEquals(ExitCodes.OK, run.exitCode());
        JsonArray arr = JsonParser.parseString(run.out()).getAsJsonArray();
        List<String> names = new ArrayList<>();
        arr.forEach(e -> names.add(e.getAsJsonObject().get("name").getAsString()));
        assertEquals(Catalog.get().criteria("filters").stream().map(CriterionInfo::name).toList(), names);
        assertTrue(arr.get(0).getAsJsonObject().get("default").getAsBoolean(), "l1 is the default for filters");
        CriterionInfo l1 = Catalog.get().criterion("l1").orElseThrow();
        assertEquals(l1.doc(), arr.get(0).getAsJsonObject().get("doc").getAsString());
        assertEquals("no-data", arr.get(0).getAsJsonObject().get("cost").getAsString());
        assertEquals("[\"cnn\",\"residual\"]", arr.get(0).getAsJsonObject().getAsJsonObject("families").get("filters").toString());
        assertEquals("[\"residual\",\"language\",\"vit\",\"vlm\"]", arr.get(0).getAsJsonObject().getAsJsonObject("families").get("layers").toString());
    }

    @Test
    void criteriaTextShowsEveryCriterionWithDocAndReference() {
        CliRun run = CliRun.of("criteria");
        String text = flat(run.out());
        for (CriterionInfo c : Catalog.get().criteria()) {
            assertTrue(run.out().lines().anyMatch(l -> l.startsWith(c.name() + "  " + c.title())), c.name());
            assertTrue(text.contains(c.doc()), c.name());
            assertTrue(text.contains(c.reference()), c.name());
        }
        String heads = CliRun.of("criteria", "-g", "heads").out();
        assertTrue(heads.contains("taylor") && !heads.contains("fpgm"), heads);
    }

    @Test
    void unknownGranularityIsUsageWithASuggestion() {
        CliRun run = CliRun.of("criteria", "-g", "filter");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("did you mean 'filters'"), run.err());
    }
}
