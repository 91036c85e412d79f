package org.tinytitans.server.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void mergeAppliesOnlyTheKeysGiven() {
        TitansSettings s = new TitansSettings();
        s.merge(JsonParser.parseString("{\"runOnSave\": false, \"jobJavaOptions\": [\"-Xmx2g\"], \"features\": {\"hover\": false}}"));
        s.merge(JsonParser.parseString("{\"titans\": {\"carbonRegion\": \"BRA\", \"jobJavaOptions\": \"-Xmx3g -Dx=1\"}}"));
        assertFalse(s.runOnSave());
        assertEquals("BRA", s.carbonRegion());
        assertEquals(List.of("-Xmx3g", "-Dx=1"), s.jobJavaOptions());
        assertFalse(s.features().hover());
        assertTrue(s.features().completion());
        assertEquals("cpu", s.defaultTarget());
    }

    @Test
    void wrongTypesAndJunkAreIgnored() {
        TitansSettings s = new TitansSettings();
        s.merge(JsonParser.parseString("{\"runOnSave\": \"no\", \"debounceMs\": \"fast\", \"jobCommand\": 3}"));
        s.merge(JsonParser.parseString("[1, 2]"));
        s.merge(null);
        assertTrue(s.runOnSave());
        assertEquals(150, s.debounceMs());
        assertEquals(List.of(), s.jobCommand());
    }

    @Test
    void clientSupportReadsCapabilities() {
        ClientSupport none = ClientSupport.of(new org.eclipse.lsp4j.ClientCapabilities());
        assertFalse(none.snippets() || none.markdown() || none.workDoneProgress() || none.inlayHints());
        assertFalse(ClientSupport.of(null).semanticTokens());
    }
}
