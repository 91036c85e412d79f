package org.tinytitans.server.services;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tinytitans.server.TitansAssert;
import org.tinytitans.server.settings.ClientSupport;
import org.tinytitans.language.SpecDocument;

/** Every feature on every prefix of the sample specs (half-typed text) and at every offset: none may throw. */
class RobustnessTest {
    static List<String> samples() throws Exception {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../samples");
        assumeTrue(Files.isDirectory(dir), "samples/ not found");
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".prune")).sorted().toList()) out.add(Files.readString(p));
        }
        return out;
    }

    @Test
    void everyFeatureOnHalfTypedSpecs() throws Exception {
        for (String sample : samples()) {
            for (int end = 0; end <= sample.length(); end += 5) {
                String text = sample.substring(0, end);
                assertDoesNotThrow(() -> documentFeatures(text), () -> "on prefix:\n" + text);
            }
        }
    }

    @Test
    void positionFeaturesAtEveryOffset() throws Exception {
        for (String sample : samples()) {
            SpecDocument doc = SpecDocument.parse(sample);
            for (int offset = 0; offset <= sample.length(); offset++) {
                int at = offset;
                assertDoesNotThrow(() -> {
                    Completions.complete(doc, at, TitansAssert.ESTIMATES, ClientSupport.full(), "WORLD");
                    Hover.hover(doc, at, TitansAssert.ESTIMATES, ClientSupport.full());
                    Rename.prepare(doc, at);
                    Definition.definition(doc, Path.of("/tmp/x.prune"), at);
                }, () -> "at offset " + at + ": " + sample.substring(0, at) + "|");
            }
        }
    }

    static void documentFeatures(String text) {
        SpecDocument doc = SpecDocument.parse(text);
        var diags = Diagnostics.spec(doc, null);
        CodeActions.actions(doc, "file:///tmp/x.prune", diags);
        Symbols.symbols(doc, "file:///tmp/x.prune", true);
        Folding.ranges(doc);
        Formatting.format(doc);
        Formatting.formatRange(doc, TitansAssert.r(0, 0, 3, 0));
        SemanticTokens.encode(doc);
        InlayHints.hints(doc, null, TitansAssert.ESTIMATES, true, null);
        CodeLenses.lenses(doc, "file:///tmp/x.prune", false, null);
        DocumentLinks.links(doc, Path.of("/tmp/x.prune"));
        EstimateSummary.lines(doc, TitansAssert.ESTIMATES);
    }
}
