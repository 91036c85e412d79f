package org.tinytitans.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * `titans/runtime` as an editor's "Show runtime" sends it, in raw JSON-RPC: the answer is what
 * `titans-cli doctor --no-load` says, one summary line and the report naming every source tried.
 */
class RuntimeRequestTest {

    @Test
    void answersWithTheLibtorchJobsWouldUseAndEverySourceTried() throws Exception {
        try (Wire w = new Wire().initialized()) {
            JsonObject r = w.client.response(w.client.request("titans/runtime", "null"), 30).getAsJsonObject("result");
            String summary = r.get("summary").getAsString();
            assertTrue(summary.matches("libtorch 2\\.7\\.1 cpu \\((the bundled CPU natives|DJL's cache)\\); no CUDA device"), summary);
            String text = r.get("text").getAsString();
            // Sources are tried in order until one serves: those before the chosen one say why they did not.
            java.util.List<String> tried = new java.util.ArrayList<>(java.util.List.of("torch property: not set", "PYTORCH_LIBRARY_PATH: not set",
                    "python3's torch", "DJL cache"));
            if (summary.contains("bundled")) tried.addAll(java.util.List.of("DJL download: not tried", "-> bundled CPU natives"));
            for (String source : tried) {
                assertTrue(text.contains(source), source + " missing from: " + text);
            }
            assertEquals(summary, r.getAsJsonObject("report").get("summary").getAsString());
        }
    }
}
