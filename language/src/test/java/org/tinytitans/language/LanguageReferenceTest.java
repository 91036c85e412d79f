package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tinytitans.language.catalog.Catalog;

class LanguageReferenceTest {
    static final Path DOC = Path.of(System.getProperty("user.dir")).resolve("../docs/language.md").normalize();

    @Test
    void docsLanguageMdIsGeneratedFromTheCatalog() throws IOException {
        String expected = LanguageReference.markdown();
        String actual = Files.exists(DOC) ? Files.readString(DOC) : "";
        assertEquals(expected, actual, "docs/language.md is out of date with the catalog; regenerate it from the repository root with:\n"
                + "  mvn -q -pl language -am install -DskipTests && " + LanguageReference.REGENERATE);
    }

    @Test
    void theReferenceCoversEveryCatalogEntry() {
        String md = LanguageReference.markdown();
        Catalog c = Catalog.get();
        c.blocks().forEach(b -> b.properties().forEach(p -> assertTrue(md.contains("| `" + p.name() + "` |"), p.name())));
        c.criteria().forEach(k -> assertTrue(md.contains("| `" + k.name() + "` "), k.name()));
        c.metrics().forEach(m -> assertTrue(md.contains("| `" + m.name() + "` |"), m.name()));
        c.models().forEach(m -> assertTrue(md.contains("| `" + m.name() + "` |"), m.name()));
        Codes.all().keySet().forEach(code -> assertTrue(md.contains("| `" + code + "` |"), code));
    }
}
