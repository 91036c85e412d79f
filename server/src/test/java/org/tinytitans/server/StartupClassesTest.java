package org.tinytitans.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the server process loads: its real main in a JVM of its own with {@code -Xlog:class+load}, driven over
 * stdio. Up to the `initialize` answer, and through a whole editing session with the background warm-up
 * finished, nothing of DJL, ONNX Runtime, JNA or the engine's runtime selection may be loaded: those cost
 * start-up time and belong to jobs (and to `titans/runtime`, when an editor asks). Catches a feature or a log
 * line that reaches for the engine at start again.
 */
class StartupClassesTest {
    /** Packages whose classes a start and an editing session have no use for. */
    static final List<String> NOT_AT_START = List.of("ai.djl.", "ai.onnxruntime.", "com.sun.jna.", "org.tinytitans.engine.runtime.");

    @TempDir
    Path dir;

    @Test
    void neitherInitializeNorAnEditingSessionLoadsTheEngineRuntime() throws Exception {
        Path classes = dir.resolve("classes.log"), log = dir.resolve("server.log");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Xlog:class+load=info:file=" + classes, "-Dtitans.log=" + log,
                "-cp", System.getProperty("java.class.path").replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                TitansServerLauncher.class.getName());
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try (InputStream in = p.getInputStream(); OutputStream out = p.getOutputStream()) {
            send(out, 1, "initialize", "{\"processId\":null,\"capabilities\":{},\"initializationOptions\":{\"runOnSave\":false}}");
            assertTrue(read(in, 1).getAsJsonObject("result").has("capabilities"));
            assertNoneLoaded(classes, "by the initialize answer");

            send(out, null, "initialized", "{}");
            send(out, null, "textDocument/didOpen", "{\"textDocument\":{\"uri\":\"untitled:a.prune\",\"languageId\":\"prune\","
                    + "\"version\":1,\"text\":\"experiment a {\\n  model resnet56\\n  prune filters {\\n    criterion l1\\n    ratio 50%\\n  }\\n}\\n\"}}");
            send(out, 2, "textDocument/completion", "{\"textDocument\":{\"uri\":\"untitled:a.prune\"},\"position\":{\"line\":3,\"character\":14}}");
            assertTrue(read(in, 2).has("result"));
            send(out, 3, "textDocument/hover", "{\"textDocument\":{\"uri\":\"untitled:a.prune\"},\"position\":{\"line\":1,\"character\":10}}");
            assertTrue(read(in, 3).getAsJsonObject("result").toString().contains("ResNet"), "a hover on the model");
            // the warm-up logs its end at FINE into -Dtitans.log
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!(Files.exists(log) && Files.readString(log).contains("warm-up took"))) {
                assertTrue(System.nanoTime() < deadline, "the warm-up did not end within 180 s; log:\n"
                        + (Files.exists(log) ? Files.readString(log) : "(none)"));
                Thread.sleep(200);
            }
            assertNoneLoaded(classes, "after a session and the warm-up");
            assertTrue(Files.readString(classes).contains(Rehearsal.class.getName()), "the warm-up ran in this process");

            send(out, 4, "shutdown", "null");
            read(in, 4);
            send(out, null, "exit", "null");
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        } finally {
            p.destroyForcibly();
        }
    }

    /** The JVM writes each class+load line as the class loads, so the file read now is what was loaded so far. */
    private static void assertNoneLoaded(Path classes, String when) throws IOException {
        List<String> lines = Files.readAllLines(classes);
        assertTrue(lines.size() > 500, "class loading was logged (" + lines.size() + " lines)");
        List<String> wrong = lines.stream().filter(l -> NOT_AT_START.stream().anyMatch(pkg -> l.contains("] " + pkg))).limit(10).toList();
        assertTrue(wrong.isEmpty(), "loaded " + when + ":\n" + String.join("\n", wrong));
    }

    private static void send(OutputStream out, Integer id, String method, String params) throws IOException {
        String body = "{\"jsonrpc\":\"2.0\"," + (id == null ? "" : "\"id\":" + id + ",") + "\"method\":\"" + method + "\",\"params\":" + params + "}";
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.flush();
    }

    /** The response to request {@code id}; notifications and log messages before it are skipped. */
    private static JsonObject read(InputStream in, int id) throws IOException {
        while (true) {
            int length = -1;
            StringBuilder line = new StringBuilder();
            while (true) {
                int c = in.read();
                if (c < 0) throw new IOException("the server closed its output");
                if (c != '\n') {
                    line.append((char) c);
                    continue;
                }
                String l = line.toString().trim();
                line.setLength(0);
                if (l.isEmpty()) break;
                if (l.startsWith("Content-Length:")) length = Integer.parseInt(l.substring("Content-Length:".length()).trim());
            }
            JsonObject m = JsonParser.parseString(new String(in.readNBytes(length), StandardCharsets.UTF_8)).getAsJsonObject();
            if (m.has("id") && !m.has("method") && m.get("id").getAsInt() == id) return m;
        }
    }
}
