package org.tinytitans.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tinytitans.language.SpecAssert.assertDiagnostic;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every registered code has an example (shown in docs/language.md) that really triggers it at its '|'. */
class DiagnosticCodesTest {
    @Test
    void everyCodeHasAnExampleThatTriggersIt() {
        assertEquals(Codes.all().keySet(), Codes.examples().keySet());
        for (Map.Entry<String, String> e : Codes.examples().entrySet()) {
            assertDiagnostic(e.getValue(), e.getKey(), java.nio.file.Path.of("."));
        }
    }
}
