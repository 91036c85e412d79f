package org.tinytitans.engine.runtime;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PyTorch a user already has: asks {@code python3} (or $TITANS_PYTHON) where its torch package lives, without
 * importing torch (an import takes seconds; its version.py and lib/ are all that is needed).
 */
final class PythonTorch {
    private static final String PROBE = String.join("\n",
            "import importlib.util, json, os",
            "s = importlib.util.find_spec('torch')",
            "print(json.dumps({'dir': os.path.dirname(s.origin) if s and s.origin else None}))");

    private PythonTorch() {}

    /** What the probe saw: the python used, and torch's lib/ folder (null when python or torch is missing). */
    record Probe(String python, Path lib, String problem) {}

    static Probe probe() {
        String python = System.getenv("TITANS_PYTHON");
        if (python == null || python.isBlank()) python = "python3";
        Process p;
        try {
            p = new ProcessBuilder(List.of(python, "-c", PROBE)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Probe(python, null, python + " not found");
        }
        try (InputStream in = p.getInputStream()) {
            p.getOutputStream().close();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Probe(python, null, python + " did not answer within 5 s");
            }
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
            JsonObject o = JsonParser.parseString(last).getAsJsonObject();
            if (o.get("dir").isJsonNull()) return new Probe(python, null, "no torch package for " + python);
            return new Probe(python, Path.of(o.get("dir").getAsString()).resolve("lib"), null);
        } catch (IOException | RuntimeException e) {
            return new Probe(python, null, python + " could not be asked: " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Probe(python, null, "interrupted");
        }
    }
}
