package org.tinytitans.language.catalog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The VS Code grammar colours exactly the catalog's criteria (plus other named property choices) as values. */
class GrammarCriteriaTest {
    static final Path GRAMMAR = Path.of(System.getProperty("user.dir"))
            .resolve("../vscode-extension/syntaxes/prune.tmLanguage.json").normalize();
    private static final Pattern VALUES = Pattern.compile(
            "\"name\":\\s*\"support\\.constant\\.value\\.prune\",\\s*\"match\":\\s*\"\\\\\\\\b\\(([^)]*)\\)");

    @Test
    void theGrammarsValueWordsAreTheCatalogsCriteriaAndChoices() throws IOException {
        Matcher m = VALUES.matcher(Files.readString(GRAMMAR));
        assertTrue(m.find(), "no support.constant.value.prune pattern in " + GRAMMAR);
        Set<String> words = new LinkedHashSet<>(Arrays.asList(m.group(1).split("\\|")));
        Catalog c = Catalog.get();
        List<String> criteria = c.criteria().stream().map(CriterionInfo::name).toList();
        Set<String> missing = new LinkedHashSet<>(criteria);
        missing.removeAll(words);
        assertTrue(missing.isEmpty(), "criteria the grammar does not colour (add them to " + GRAMMAR.getFileName() + "): " + missing);
        Set<String> choices = new HashSet<>(Set.of("true", "false"));
        c.blocks().forEach(b -> b.properties().forEach(p -> choices.addAll(p.choices())));
        Set<String> extra = new LinkedHashSet<>(words);
        extra.removeAll(criteria);
        extra.removeAll(choices);
        assertTrue(extra.isEmpty(), "the grammar colours words that are neither criteria nor property choices: " + extra);
    }
}
